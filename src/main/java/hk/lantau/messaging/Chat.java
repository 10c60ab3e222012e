package hk.lantau.messaging;

import java.util.Optional;

/**
 * What other parts of Lantau (robots, approvals, attendance, the compatible API) need of
 * conversations. People's own chat goes through the HTTP API, which checks membership.
 */
public interface Chat {

    Optional<ConversationInfo> conversation(long tenantId, String conversationId);

    /** The person's role in the conversation, empty when they are not a member. */
    Optional<MemberRole> role(long tenantId, String conversationId, String userId);

    /**
     * Whether the message is in the conversation and the person may see it: a member who joined
     * before it was sent.
     */
    boolean canSee(long tenantId, String conversationId, long messageId, String userId);

    /**
     * Posts a message written by a robot, an app or Lantau into a conversation and delivers it
     * to the members. The content is validated as a person's would be. A repeated
     * {@code clientMessageId} from the same author returns the message stored the first time.
     *
     * @throws hk.lantau.shared.LantauException 404 {@code messaging.conversation_not_found},
     *         409 {@code messaging.conversation_dismissed}, 400 for invalid content
     */
    PostedMessage post(long tenantId, String conversationId, MessageAuthor author, MessageContent content,
                       Mentions mentions, String clientMessageId);
}
