package hk.lantau.web.chat;

import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberView;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.Messages;
import hk.lantau.messaging.UserEvents;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.Person;
import hk.lantau.web.shell.Shell;
import hk.lantau.web.shell.ShellFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chat: the person's conversations beside the open one. The live client asks for fragments of
 * the same templates (the list, newer or older messages, one message) instead of building HTML.
 */
@Controller
@RequestMapping("/chat")
class ChatPageController {

    /** Messages shown when a conversation opens, and per "earlier messages" step. */
    static final int PAGE = 40;
    /** Conversations in the list; the least recently active beyond this are not shown. */
    static final int LIST = 100;
    /** Messages one catch-up request returns; the client asks again when there are more. */
    static final int CATCH_UP = 100;
    /** Members offered in the mention menu. */
    static final int MENTION_MENU = 100;

    private final Conversations conversations;
    private final Messages messages;
    private final UserEvents events;
    private final ChatViews views;

    ChatPageController(Conversations conversations, Messages messages, UserEvents events, ChatViews views) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.views = views;
    }

    @GetMapping
    String list(@ModelAttribute("shell") Shell shell, Model model) {
        Person me = Person.current();
        model.addAttribute("streamSeq", events.lastSequence(me.tenantId(), me.userId()));
        model.addAttribute("rows", rows(me, null, shell));
        return "chat/chat";
    }

    @GetMapping("/list")
    String listFragment(@RequestParam(required = false) String current, @ModelAttribute("shell") Shell shell,
                        Model model) {
        Person me = Person.current();
        model.addAttribute("rows", rows(me, current, shell));
        model.addAttribute("current", current);
        return "chat/list :: list";
    }

    @GetMapping("/{id}")
    String open(@PathVariable String id, @ModelAttribute("shell") Shell shell, Model model) {
        Person me = Person.current();
        // Read before the content, so the live client replays anything that lands in between.
        model.addAttribute("streamSeq", events.lastSequence(me.tenantId(), me.userId()));
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        CursorPage<MessageView> page = messages.history(me.tenantId(), me.userId(), id, null, null, PAGE);
        List<MessageView> oldestFirst = new ArrayList<>(page.items());
        Collections.reverse(oldestFirst);
        model.addAttribute("conversation", conversation);
        String title = views.title(me, conversation);
        model.addAttribute("chatTitle", title);
        model.addAttribute("initials", ShellFactory.initials(title));
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("current", id);
        model.addAttribute("lines", views.lines(me, conversation, oldestFirst, null, shell.zone()));
        model.addAttribute("earlier", page.nextCursor() != null && !oldestFirst.isEmpty()
                ? oldestFirst.get(0).seq() : null);
        model.addAttribute("mentionable", mentionable(me, conversation));
        model.addAttribute("rows", rows(me, id, shell));
        return "chat/chat";
    }

    /** Newer messages ({@code after}, with the day of the last one shown) or older ones ({@code before}). */
    @GetMapping("/{id}/messages")
    String messages(@PathVariable String id, @RequestParam(required = false) Long after,
                    @RequestParam(required = false) Long before, @RequestParam(required = false) String day,
                    @ModelAttribute("shell") Shell shell, Model model) {
        Person me = Person.current();
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        model.addAttribute("conversation", conversation);
        if (after != null) {
            CursorPage<MessageView> page = messages.history(me.tenantId(), me.userId(), id, null, after, CATCH_UP);
            model.addAttribute("lines", views.lines(me, conversation, page.items(), day, shell.zone()));
            model.addAttribute("more", page.nextCursor() != null);
            return "chat/messages :: newer";
        }
        CursorPage<MessageView> page = messages.history(me.tenantId(), me.userId(), id, before, null, PAGE);
        List<MessageView> oldestFirst = new ArrayList<>(page.items());
        Collections.reverse(oldestFirst);
        model.addAttribute("lines", views.lines(me, conversation, oldestFirst, null, shell.zone()));
        model.addAttribute("earlier", page.nextCursor() != null && !oldestFirst.isEmpty()
                ? oldestFirst.get(0).seq() : null);
        return "chat/messages :: older";
    }

    /** One message again, after it was recalled or removed. */
    @GetMapping("/{id}/at/{seq}")
    String one(@PathVariable String id, @PathVariable long seq, @ModelAttribute("shell") Shell shell, Model model) {
        Person me = Person.current();
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        List<MessageView> found = messages.history(me.tenantId(), me.userId(), id, null, seq - 1, 1).items()
                .stream().filter(m -> m.seq() == seq).toList();
        if (found.isEmpty()) {
            throw LantauException.notFound("messaging.message_not_found", "No such message.");
        }
        ChatLine line = views.lines(me, conversation, found, found.get(0).sentAt().atZone(shell.zone())
                .toLocalDate().toString(), shell.zone()).get(0);
        model.addAttribute("conversation", conversation);
        model.addAttribute("line", line);
        return "chat/messages :: line";
    }

    private List<ConversationRow> rows(Person me, String current, Shell shell) {
        return views.rows(me, conversations.list(me.tenantId(), me.userId(), null, LIST).items(), current,
                shell.zone());
    }

    private List<MemberView> mentionable(Person me, ConversationView conversation) {
        return conversations.members(me.tenantId(), me.userId(), conversation.id()).stream()
                .filter(m -> !m.userId().equals(me.userId()))
                .sorted(Comparator.comparing(MemberView::name))
                .limit(MENTION_MENU)
                .toList();
    }
}
