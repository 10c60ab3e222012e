package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.Chat;
import hk.lantau.messaging.ConversationInfo;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.MessageState;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.Messages;
import hk.lantau.messaging.NewMessage;
import hk.lantau.messaging.PostedMessage;
import hk.lantau.messaging.Receipt;
import hk.lantau.messaging.SentMessage;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Messages: what people send and read over the API, and what robots, apps and Lantau post through {@link Chat}. */
@Service
class ChatService implements Chat, Messages {

    static final Duration RECALL_WINDOW = Duration.ofHours(24);
    static final int MAX_PAGE = 100;
    static final int MAX_REASON = 500;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final MessagePoster poster;
    private final MessageViews views;
    private final ChatEvents events;
    private final ApplicationEventPublisher audit;
    private final Clock clock;

    ChatService(ConversationRepository conversations, MessageRepository messages, MessagePoster poster,
                MessageViews views, ChatEvents events, ApplicationEventPublisher audit, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.poster = poster;
        this.views = views;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConversationInfo> conversation(long tenantId, String conversationId) {
        return conversations.find(tenantId, conversationId).map(StoredConversation::info);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberRole> role(long tenantId, String conversationId, String userId) {
        return conversations.member(tenantId, conversationId, userId).map(StoredMember::role);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(long tenantId, String conversationId, long messageId, String userId) {
        return conversations.member(tenantId, conversationId, userId)
                .flatMap(member -> messages.find(tenantId, conversationId, messageId)
                        .filter(m -> m.seq() > member.joinedSeq()))
                .isPresent();
    }

    @Override
    @Transactional
    public PostedMessage post(long tenantId, String conversationId, MessageAuthor author, MessageContent content,
                              Mentions mentions, String clientMessageId) {
        MessageView view = poster.post(tenantId, conversationId, author, content, mentions, null, clientMessageId)
                .message();
        return new PostedMessage(view.id(), view.conversationId(), view.seq(), view.sentAt());
    }

    @Override
    @Transactional
    public SentMessage send(long tenantId, String userId, String userName, String conversationId, NewMessage message) {
        return poster.post(tenantId, conversationId, new MessageAuthor(MessageAuthor.Kind.USER, userId, userName),
                message.content(), message.mentions(), message.replyTo(), message.clientMessageId());
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<MessageView> history(long tenantId, String userId, String conversationId, Long before,
                                           Long after, int limit) {
        StoredConversation conversation = conversations.find(tenantId, conversationId)
                .orElseThrow(ChatErrors::conversationNotFound);
        StoredMember member = memberOf(tenantId, conversationId, userId);
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        if (before != null && after != null) {
            throw LantauException.invalid("messaging.cursor_invalid", "Give either before or after, not both.");
        }
        boolean catchingUp = after != null;
        long from = Math.max(member.joinedSeq(), catchingUp ? after : 0);
        long to = before != null ? before : conversation.lastSeq() + 1;
        List<StoredMessage> page = messages.range(tenantId, conversationId, from, to, !catchingUp, size + 1);
        boolean more = page.size() > size;
        List<StoredMessage> items = more ? page.subList(0, size) : page;
        String next = more ? String.valueOf(items.get(items.size() - 1).seq()) : null;
        return new CursorPage<>(views.views(tenantId, conversationId, items), next);
    }

    @Override
    @Transactional
    public MessageView recall(long tenantId, String userId, String conversationId, long messageId) {
        StoredConversation conversation = conversations.lock(tenantId, conversationId)
                .orElseThrow(ChatErrors::conversationNotFound);
        StoredMember member = memberOf(tenantId, conversationId, userId);
        StoredMessage message = visible(tenantId, conversationId, messageId, member);
        if (message.author().kind() != MessageAuthor.Kind.USER || !message.author().id().equals(userId)) {
            throw LantauException.forbidden("messaging.not_your_message", "Only the sender may recall a message.");
        }
        if (message.state() != MessageState.SENT) {
            return views.view(tenantId, message);
        }
        Instant now = clock.instant();
        if (now.isAfter(message.sentAt().plus(RECALL_WINDOW))) {
            throw LantauException.conflict("messaging.recall_window_passed",
                    "A message can be recalled within 24 hours of sending it.");
        }
        return erase(conversation, message, MessageState.RECALLED, ChatEvents.MESSAGE_RECALLED, now);
    }

    @Override
    @Transactional
    public MessageView remove(long tenantId, String conversationId, long messageId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw LantauException.invalidField("reason", "messaging.reason_required",
                    "Give a reason of at most " + MAX_REASON + " characters.");
        }
        StoredConversation conversation = conversations.lock(tenantId, conversationId)
                .orElseThrow(ChatErrors::conversationNotFound);
        StoredMessage message = messages.find(tenantId, conversationId, messageId)
                .orElseThrow(ChatErrors::messageNotFound);
        if (message.state() == MessageState.REMOVED) {
            return views.view(tenantId, message);
        }
        MessageView removed = erase(conversation, message, MessageState.REMOVED, ChatEvents.MESSAGE_REMOVED,
                clock.instant());
        audit.publishEvent(new ChatAudit(tenantId, "messaging.message.removed", "message", String.valueOf(messageId),
                Map.of("conversationId", conversationId, "seq", message.seq(), "author",
                        message.author().kind().name().toLowerCase() + ":" + message.author().id(),
                        "reason", reason.strip())));
        return removed;
    }

    @Override
    @Transactional(readOnly = true)
    public Receipt receipts(long tenantId, String userId, String conversationId, long messageId) {
        conversations.find(tenantId, conversationId).orElseThrow(ChatErrors::conversationNotFound);
        StoredMember member = memberOf(tenantId, conversationId, userId);
        StoredMessage message = visible(tenantId, conversationId, messageId, member);
        String sender = message.author().kind() == MessageAuthor.Kind.USER ? message.author().id() : null;
        List<Receipt.Reader> read = new ArrayList<>();
        List<Receipt.Reader> unread = new ArrayList<>();
        List<StoredMember> members = new ArrayList<>(conversations.members(tenantId, conversationId));
        members.sort(Comparator.comparing(StoredMember::name).thenComparing(StoredMember::userId));
        for (StoredMember m : members) {
            if (m.userId().equals(sender) || m.joinedSeq() >= message.seq()) {
                continue;
            }
            (m.readSeq() >= message.seq() ? read : unread).add(new Receipt.Reader(m.userId(), m.name()));
        }
        return new Receipt(message.id(), message.seq(), read.size(), unread.size(), read, unread);
    }

    private MessageView erase(StoredConversation conversation, StoredMessage message, MessageState state,
                              String eventType, Instant now) {
        messages.erase(conversation.tenantId(), conversation.id(), message.id(), state, now);
        StoredMessage tombstone = messages.find(conversation.tenantId(), conversation.id(), message.id()).orElseThrow();
        events.send(conversation.tenantId(), conversations.memberIds(conversation.tenantId(), conversation.id()),
                eventType, ChatEvents.payload("conversationId", conversation.id(), "messageId", message.id(),
                        "seq", message.seq(), "state", state));
        return views.view(conversation.tenantId(), tombstone);
    }

    private StoredMember memberOf(long tenantId, String conversationId, String userId) {
        return conversations.member(tenantId, conversationId, userId).orElseThrow(ChatErrors::conversationNotFound);
    }

    /** A message the member may see: sent after they joined. */
    private StoredMessage visible(long tenantId, String conversationId, long messageId, StoredMember member) {
        return messages.find(tenantId, conversationId, messageId).filter(m -> m.seq() > member.joinedSeq())
                .orElseThrow(ChatErrors::messageNotFound);
    }
}
