package hk.lantau.identity;

import java.time.Instant;

/** An active session as its owner or an administrator sees it; never its token. */
public record SessionView(String id, String device, String ip, String userAgent, Instant createdAt,
                          Instant lastSeenAt, Instant expiresAt, boolean mfaVerified, boolean current) {
}
