package hk.lantau.web.chat;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.MessageState;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.Messages;
import hk.lantau.messaging.Receipt;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import hk.lantau.web.shell.ShellFactory;
import hk.lantau.web.shell.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns conversations and messages into what the chat pages show, in the page's language and zone. */
@Component
class ChatViews {

    static final Duration RECALL_WINDOW = Duration.ofHours(24);
    private static final int PREVIEW = 80;

    private final Messages messages;
    private final Directory directory;
    private final PageMessages texts;
    private final Times times;
    private final Clock clock;

    ChatViews(Messages messages, Directory directory, PageMessages texts, Times times, Clock clock) {
        this.messages = messages;
        this.directory = directory;
        this.texts = texts;
        this.times = times;
        this.clock = clock;
    }

    /** A direct conversation is titled with the other person's name. */
    String title(Person me, ConversationView conversation) {
        if (conversation.name() != null && !conversation.name().isBlank()) {
            return conversation.name();
        }
        if (conversation.kind() == ConversationKind.DIRECT && conversation.peerId() != null) {
            return directory.findUser(me.tenantId(), conversation.peerId()).map(DirectoryUser::name)
                    .orElse(conversation.peerId());
        }
        return texts.text("chat.untitled");
    }

    List<ConversationRow> rows(Person me, List<ConversationView> conversations, String currentId, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return conversations.stream().map(c -> {
            String title = title(me, c);
            Instant at = c.lastActivityAt();
            String when = at == null ? "" : at.atZone(zone).toLocalDate().equals(today) ? times.time(at, zone)
                    : times.shortDate(at, zone);
            return new ConversationRow(c, title, ShellFactory.initials(title), preview(me, c), when,
                    c.id().equals(currentId));
        }).toList();
    }

    /**
     * The lines of the chat view, oldest first. {@code previousDay} is the day of the message shown
     * just before these (null at the start), so a separator appears only where the day changes.
     */
    List<ChatLine> lines(Person me, ConversationView conversation, List<MessageView> oldestFirst,
                         String previousDay, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant recallAfter = clock.instant().minus(RECALL_WINDOW);
        boolean direct = conversation.kind() == ConversationKind.DIRECT;
        List<ChatLine> lines = new ArrayList<>(oldestFirst.size());
        String day = previousDay;
        for (MessageView m : oldestFirst) {
            LocalDate date = m.sentAt().atZone(zone).toLocalDate();
            String key = date.toString();
            boolean own = mine(me, m);
            boolean sent = m.state() == MessageState.SENT;
            Receipt receipt = own && sent ? messages.receipts(me.tenantId(), me.userId(), conversation.id(), m.id())
                    : null;
            lines.add(new ChatLine(m, own, direct, !key.equals(day), key, dayLabel(date, today, m.sentAt(), zone),
                    times.time(m.sentAt(), zone), ShellFactory.initials(m.author().name()), abbreviate(summary(m.content())),
                    sent && !own && (m.mentionAll() || m.mentions().contains(me.userId())),
                    own && sent && m.sentAt().isAfter(recallAfter), receipt));
            day = key;
        }
        return lines;
    }

    private String dayLabel(LocalDate date, LocalDate today, Instant at, ZoneId zone) {
        if (date.equals(today)) {
            return texts.text("chat.day.today");
        }
        if (date.equals(today.minusDays(1))) {
            return texts.text("chat.day.yesterday");
        }
        return times.longDate(at, zone);
    }

    private String preview(Person me, ConversationView conversation) {
        MessageView last = conversation.lastMessage();
        if (last == null) {
            return texts.text("chat.preview.empty");
        }
        String body = switch (last.state()) {
            case RECALLED -> texts.text("chat.preview.recalled");
            case REMOVED -> texts.text("chat.preview.removed");
            case SENT -> last.content() instanceof MessageContent.SystemNotice notice ? noticeText(notice)
                    : summary(last.content());
        };
        if (last.author().kind() == MessageAuthor.Kind.SYSTEM) {
            return abbreviate(body);
        }
        if (mine(me, last)) {
            return abbreviate(texts.text("chat.preview.you", body));
        }
        return abbreviate(conversation.kind() == ConversationKind.DIRECT ? body
                : texts.text("chat.preview.author", last.author().name(), body));
    }

    /** A system notice in the reader's language, when it was stored with its key. */
    private String noticeText(MessageContent.SystemNotice notice) {
        return notice.key() == null ? notice.text()
                : texts.text("messaging.notice." + notice.key(), notice.args().toArray());
    }

    /** One line of plain text for a message of any kind. */
    static String summary(MessageContent content) {
        if (content == null) {
            return "";
        }
        if (content instanceof MessageContent.Text t) {
            return t.text();
        }
        if (content instanceof MessageContent.Markdown m) {
            return m.title() != null && !m.title().isBlank() ? m.title() : m.text();
        }
        if (content instanceof MessageContent.Link l) {
            return l.title();
        }
        if (content instanceof MessageContent.ActionCard a) {
            return a.title();
        }
        if (content instanceof MessageContent.FeedCard f) {
            return f.links().isEmpty() ? "" : f.links().get(0).title();
        }
        return ((MessageContent.SystemNotice) content).text();
    }

    private static boolean mine(Person me, MessageView m) {
        return m.author().kind() == MessageAuthor.Kind.USER && me.userId().equals(m.author().id());
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW - 1) + "…";
    }
}
