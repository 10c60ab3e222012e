package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.MessageState;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.RobotsMentioned;
import hk.lantau.messaging.SentMessage;
import hk.lantau.messaging.internal.content.ContentRules;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a message and delivers it. Sends to one conversation queue on its row lock, which gives
 * each message the next seq with no gaps and makes a repeated client message id safe to check.
 */
@Component
class MessagePoster {

    /** In groups larger than this, only the owner and admins may mention everyone. */
    static final int OPEN_MENTION_ALL_LIMIT = 50;
    static final int MAX_CLIENT_ID = 64;
    /** DingTalk's limit for text and markdown messages is 5,000 characters. */
    static final ContentRules RULES = new ContentRules(new ContentRules.Codes("messaging.content_required",
            "messaging.message_invalid", "messaging.kind_not_allowed", "messaging.message_invalid"),
            Set.of("text", "markdown", "link", "actionCard", "feedCard", "system"), 5_000, 0);

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final MessageViews views;
    private final ChatEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    MessagePoster(ConversationRepository conversations, MessageRepository messages, MessageViews views,
                  ChatEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.views = views;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Posts a message. A person must be a member; robots, apps and Lantau post into any
     * conversation of the organisation.
     */
    @Transactional
    SentMessage post(long tenantId, String conversationId, MessageAuthor author, MessageContent content,
                     Mentions mentions, Long replyTo, String clientMessageId) {
        RULES.check(content, author.kind());
        if (clientMessageId != null && (clientMessageId.isBlank() || clientMessageId.length() > MAX_CLIENT_ID)) {
            throw LantauException.invalidField("clientMessageId", "messaging.client_id_invalid",
                    "A client message id has 1 to " + MAX_CLIENT_ID + " characters.");
        }
        StoredConversation conversation = conversations.lock(tenantId, conversationId)
                .orElseThrow(ChatErrors::conversationNotFound);
        boolean person = author.kind() == MessageAuthor.Kind.USER;
        StoredMember sender = person ? conversations.member(tenantId, conversationId, author.id())
                .orElseThrow(ChatErrors::conversationNotFound) : null;
        if (clientMessageId != null) {
            Optional<StoredMessage> earlier = messages.findByClientId(tenantId, conversationId, author, clientMessageId);
            if (earlier.isPresent()) {
                return new SentMessage(views.view(tenantId, earlier.get()), false);
            }
        }
        if (conversation.dismissed()) {
            throw ChatErrors.dismissed();
        }
        Mentions wanted = mentions == null ? Mentions.NONE : mentions;
        if (wanted.all() && person && conversation.kind() != ConversationKind.DIRECT
                && conversation.memberCount() > OPEN_MENTION_ALL_LIMIT && sender.role() == MemberRole.MEMBER) {
            throw LantauException.forbidden("messaging.mention_all_not_allowed", "In groups of more than "
                    + OPEN_MENTION_ALL_LIMIT + " members only the owner and admins may mention everyone.");
        }
        Long replyToSeq = replyTo == null ? null : repliedSeq(tenantId, conversationId, replyTo, sender);
        List<String> memberIds = conversations.memberIds(tenantId, conversationId);
        Set<String> members = new HashSet<>(memberIds);
        List<String> mentioned = new ArrayList<>(wanted.userIds().stream()
                .filter(id -> members.contains(id) && !id.equals(author.id())).sorted().toList());

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = conversations.nextSeq(conversation, now);
        StoredMessage stored = new StoredMessage(0, conversationId, seq, author, ContentRules.kind(content),
                views.write(content), wanted.all(), mentioned, replyToSeq, clientMessageId, MessageState.SENT, now);
        long id = messages.insert(tenantId, stored);
        stored = new StoredMessage(id, conversationId, seq, author, stored.kind(), stored.content(), wanted.all(),
                mentioned, replyToSeq, clientMessageId, MessageState.SENT, now);
        if (person) {
            // Writing in a conversation means having read it: own messages never count as unread.
            conversations.moveReadPosition(tenantId, conversationId, author.id(), seq, now);
        }
        if (wanted.all()) {
            conversations.mentionAll(tenantId, conversationId, author.id(), seq);
        } else {
            conversations.mention(tenantId, conversationId, mentioned, seq);
        }
        MessageView view = views.view(tenantId, stored);
        events.send(tenantId, memberIds, ChatEvents.MESSAGE_CREATED, view);
        if (person && !wanted.robots().isEmpty()) {
            publisher.publishEvent(new RobotsMentioned(tenantId, conversationId, id, author.id(), author.name(),
                    content instanceof MessageContent.Text text ? text.text() : null, mentioned, wanted.robots(),
                    now));
        }
        return new SentMessage(view, true);
    }

    private long repliedSeq(long tenantId, String conversationId, long replyTo, StoredMember sender) {
        StoredMessage original = messages.find(tenantId, conversationId, replyTo)
                .filter(m -> sender == null || m.seq() > sender.joinedSeq())
                .orElseThrow(() -> new LantauException(HttpStatus.BAD_REQUEST, "messaging.reply_not_found",
                        "The message replied to is not in this conversation.", List.of(
                        new hk.lantau.shared.FieldViolation("replyTo", "messaging.reply_not_found",
                                "No such message in this conversation."))));
        return original.seq();
    }
}
