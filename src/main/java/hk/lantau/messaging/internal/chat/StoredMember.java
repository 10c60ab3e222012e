package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.MemberView;
import java.time.Instant;

record StoredMember(String userId, String name, MemberRole role, long joinedSeq, long readSeq, Instant readAt,
                    long mentionSeq, Instant joinedAt) {

    MemberView view() {
        return new MemberView(userId, name, role, readSeq, joinedAt);
    }
}
