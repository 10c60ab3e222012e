package hk.lantau.messaging;

import java.time.Instant;

/** A member of a conversation with their role and read position. */
public record MemberView(String userId, String name, MemberRole role, long readSeq, Instant joinedAt) {
}
