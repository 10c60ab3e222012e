package hk.lantau.messaging.internal.chat;

import hk.lantau.shared.LantauException;

/** The errors several chat services raise, so each has one code and one wording. */
final class ChatErrors {

    private ChatErrors() {
    }

    static LantauException conversationNotFound() {
        return LantauException.notFound("messaging.conversation_not_found", "No such conversation.");
    }

    static LantauException messageNotFound() {
        return LantauException.notFound("messaging.message_not_found", "No such message in this conversation.");
    }

    static LantauException dismissed() {
        return LantauException.conflict("messaging.conversation_dismissed",
                "This group was dismissed: its history stays, nobody can post or change it.");
    }

    static LantauException notAGroup() {
        return LantauException.conflict("messaging.not_a_group", "Only groups have names, admins and an owner.");
    }

    static LantauException notManager() {
        return LantauException.forbidden("messaging.not_group_manager",
                "Only the group's owner and admins may do this.");
    }

    static LantauException notOwner() {
        return LantauException.forbidden("messaging.not_group_owner", "Only the group's owner may do this.");
    }

    static LantauException memberNotFound() {
        return LantauException.notFound("messaging.member_not_found", "That person is not a member.");
    }

    static LantauException userNotFound(String field) {
        return LantauException.invalidField(field, "messaging.user_not_found",
                "No active person with that userid in this organisation.");
    }

    static LantauException groupFull() {
        return LantauException.conflict("messaging.group_full",
                "A group has at most " + hk.lantau.messaging.Conversations.MAX_MEMBERS + " members.");
    }

    static LantauException departmentManaged() {
        return LantauException.conflict("messaging.department_group_managed",
                "A department group's members follow the directory: change the department instead.");
    }
}
