package hk.lantau.messaging.internal.robot;

import java.time.Instant;
import java.util.List;

/** A robot row. {@code secretSealed} is null when signing is off. */
record StoredRobot(long id, long tenantId, String conversationId, String name, String tokenSealed,
                   String secretSealed, List<String> keywords, List<String> ipRanges, boolean enabled,
                   String createdBy, Instant createdAt, Instant updatedAt, Instant windowStart, int windowCount,
                   Instant blockedUntil) {

    boolean signing() {
        return secretSealed != null;
    }

    boolean secured() {
        return signing() || !keywords.isEmpty() || !ipRanges.isEmpty();
    }
}
