package hk.lantau.compat;

import hk.lantau.messaging.ConversationView;
import java.util.List;

/**
 * Group chats apps create for people through DingTalk's {@code /chat/create}, and which groups an
 * app created: as in DingTalk, an app reads and posts only in those.
 */
public interface AppChats {

    /**
     * Creates a group owned by {@code ownerId} with the members, on behalf of the app; audited
     * ({@code compat.chat.created}). Messaging's rules for groups apply.
     */
    ConversationView create(long tenantId, long appId, String ownerId, String name, List<String> memberIds);

    /** Whether the app created the conversation; false for another organisation's. */
    boolean createdBy(long tenantId, long appId, String conversationId);
}
