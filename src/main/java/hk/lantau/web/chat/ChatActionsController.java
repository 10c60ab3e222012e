package hk.lantau.web.chat;

import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.Messages;
import hk.lantau.messaging.NewMessage;
import hk.lantau.messaging.Receipt;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import hk.lantau.web.shell.Shell;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What people do in an open conversation: send, recall their own message, and see who has read
 * theirs. Each answers htmx with a fragment and a plain form post with a redirect back.
 */
@Controller
@RequestMapping("/chat/{id}")
class ChatActionsController {

    /** Receipt counts refreshed per request at most; the client asks for the newest ones. */
    static final int RECEIPTS_AT_ONCE = 50;

    private final Conversations conversations;
    private final Messages messages;
    private final ChatViews views;
    private final Mentioning mentioning;
    private final PageMessages texts;

    ChatActionsController(Conversations conversations, Messages messages, ChatViews views, Mentioning mentioning,
                          PageMessages texts) {
        this.conversations = conversations;
        this.messages = messages;
        this.views = views;
        this.mentioning = mentioning;
        this.texts = texts;
    }

    @PostMapping("/messages")
    String send(@PathVariable String id, @ModelAttribute MessageForm form,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                HttpServletResponse response, Model model) {
        Person me = Person.current();
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        try {
            NewMessage message = new NewMessage(form.content(), mentioning.resolve(me, conversation, form.text()),
                    form.replyTo(), form.clientMessageId());
            messages.send(me.tenantId(), me.userId(), me.name(), id, message);
            model.addAttribute("errors", FormErrors.NONE);
        } catch (LantauException e) {
            if (e.status() == HttpStatus.NOT_FOUND || htmx == null) {
                throw e;
            }
            // 422 is the status htmx swaps: the composer keeps the text and shows why it was refused.
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", FormErrors.of(e, texts));
        }
        return htmx == null ? "redirect:/chat/" + id : "chat/messages :: composer-error";
    }

    @PostMapping("/messages/{messageId}/recall")
    String recall(@PathVariable String id, @PathVariable long messageId, @ModelAttribute("shell") Shell shell,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Person me = Person.current();
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        MessageView recalled = messages.recall(me.tenantId(), me.userId(), id, messageId);
        if (htmx == null) {
            return "redirect:/chat/" + id;
        }
        String day = recalled.sentAt().atZone(shell.zone()).toLocalDate().toString();
        model.addAttribute("conversation", conversation);
        model.addAttribute("line", views.lines(me, conversation, List.of(recalled), day, shell.zone()).get(0));
        return "chat/messages :: line";
    }

    /** Who has read one's message and who has not, for the receipts dialog. */
    @GetMapping("/messages/{messageId}/receipts")
    String receipts(@PathVariable String id, @PathVariable long messageId, Model model) {
        Person me = Person.current();
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        model.addAttribute("conversation", conversation);
        model.addAttribute("receipt", messages.receipts(me.tenantId(), me.userId(), id, messageId));
        return "chat/messages :: receipts";
    }

    /** Fresh receipt counts for several messages, swapped in place out of band. */
    @GetMapping("/receipts")
    String counts(@PathVariable String id, @RequestParam String ids, Model model) {
        Person me = Person.current();
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        List<Receipt> receipts = new ArrayList<>();
        for (long messageId : parseIds(ids)) {
            receipts.add(messages.receipts(me.tenantId(), me.userId(), id, messageId));
        }
        model.addAttribute("conversation", conversation);
        model.addAttribute("direct", conversation.kind() == ConversationKind.DIRECT);
        model.addAttribute("receipts", receipts);
        return "chat/messages :: receipt-counts";
    }

    private static List<Long> parseIds(String ids) {
        try {
            return Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                    .limit(RECEIPTS_AT_ONCE).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw LantauException.invalid("messaging.bad_ids", "Message ids are numbers separated by commas.");
        }
    }

    /** The composer: plain text or markdown, optionally a reply, and the client's id for a retried send. */
    record MessageForm(String text, String format, Long replyTo, String clientMessageId) {

        MessageContent content() {
            String body = text == null ? "" : text.strip();
            if ("markdown".equals(format)) {
                return new MessageContent.Markdown(title(body), body);
            }
            return new MessageContent.Text(body);
        }

        /** Markdown messages need a title for previews: the first line without its heading marks. */
        private static String title(String body) {
            String first = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("")
                    .replaceFirst("^#+\\s*", "").strip();
            return first.length() <= 60 ? first : first.substring(0, 59) + "…";
        }
    }
}
