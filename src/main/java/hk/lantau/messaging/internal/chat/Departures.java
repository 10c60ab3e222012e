package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.MemberRole;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Takes a person out of every group they are in: when they leave the organisation and when their
 * personal data is erased. A group they owned passes to its longest-standing admin or member.
 */
@Component
public class Departures {

    /** How an erased person appears in conversations; the directory shows them the same way. */
    public static final String ERASED_NAME = "Erased user";

    private final ConversationRepository conversations;
    private final Membership membership;

    Departures(ConversationRepository conversations, Membership membership) {
        this.conversations = conversations;
        this.membership = membership;
    }

    /** Leaves every group and returns how many; the groups' notices name the person {@code shownAs}. */
    public int leaveAllGroups(long tenantId, String userId, String shownAs) {
        if (shownAs != null) {
            conversations.renameMember(tenantId, userId, shownAs);
        }
        List<String> groups = conversations.groupsOf(tenantId, userId);
        for (String id : groups) {
            StoredConversation group = conversations.lock(tenantId, id).orElseThrow();
            StoredMember leaver = conversations.member(tenantId, id, userId).orElseThrow();
            if (!group.dismissed() && leaver.role() == MemberRole.OWNER) {
                Optional<StoredMember> heir = conversations.members(tenantId, id).stream()
                        .filter(m -> !m.userId().equals(userId))
                        .min(Comparator.comparing((StoredMember m) -> m.role() == MemberRole.ADMIN ? 0 : 1)
                                .thenComparing(StoredMember::joinedAt).thenComparing(StoredMember::userId));
                if (heir.isPresent()) {
                    membership.transfer(group, userId, heir.get());
                } else {
                    membership.dismiss(group, "dismissed", leaver.name());
                }
            }
            membership.remove(group, leaver, "removed");
        }
        return groups.size();
    }
}
