package hk.lantau.messaging;

import hk.lantau.shared.CursorPage;
import java.util.Collection;
import java.util.List;

/**
 * People's conversations. Every call acts for one person ({@code userId}) in one organisation;
 * conversations they are not a member of are "not found".
 */
public interface Conversations {

    /** Maximum members of a group, department groups included. */
    int MAX_MEMBERS = 1_000;

    /** Finds or creates the one conversation of two people (or a person's notes to themselves). */
    Opened openDirect(long tenantId, String userId, String peerId);

    ConversationView createGroup(long tenantId, String userId, String name, Collection<String> memberIds);

    /** A group of a department's members that follows the directory; the creating admin owns it. */
    ConversationView createDepartmentGroup(long tenantId, String userId, long departmentId);

    /** The person's conversations, the most recently active first. */
    CursorPage<ConversationView> list(long tenantId, String userId, String cursor, int limit);

    ConversationView get(long tenantId, String userId, String conversationId);

    List<MemberView> members(long tenantId, String userId, String conversationId);

    ConversationView rename(long tenantId, String userId, String conversationId, String name);

    ConversationView addMembers(long tenantId, String userId, String conversationId, Collection<String> memberIds);

    /** Removes a member (owner or admins), or lets a member leave ({@code memberId} is themselves). */
    ConversationView removeMember(long tenantId, String userId, String conversationId, String memberId);

    /** The owner makes a member an admin or an admin a plain member again. */
    ConversationView setRole(long tenantId, String userId, String conversationId, String memberId, MemberRole role);

    ConversationView transferOwnership(long tenantId, String userId, String conversationId, String newOwnerId);

    /** The owner ends the group: its history stays readable, nobody can post any more. */
    ConversationView dismiss(long tenantId, String userId, String conversationId);

    /** Moves the person's read position forward to {@code seq} (never back). */
    ReadPosition markRead(long tenantId, String userId, String conversationId, long seq);

    record Opened(ConversationView conversation, boolean created) {
    }
}
