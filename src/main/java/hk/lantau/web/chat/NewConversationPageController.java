package hk.lantau.web.chat;

import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Starting a conversation: with one colleague, or a group with a name and its first members. */
@Controller
@RequestMapping("/chat")
class NewConversationPageController {

    private final Conversations conversations;
    private final Colleagues colleagues;
    private final PageMessages texts;

    NewConversationPageController(Conversations conversations, Colleagues colleagues, PageMessages texts) {
        this.conversations = conversations;
        this.colleagues = colleagues;
        this.texts = texts;
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String q, Model model) {
        Person me = Person.current();
        return page(model, me, q, "", List.of(), FormErrors.NONE);
    }

    @PostMapping("/direct")
    String direct(@RequestParam(required = false) String userId) {
        Person me = Person.current();
        if (userId == null || userId.isBlank()) {
            return "redirect:/chat/new";
        }
        ConversationView conversation = conversations.openDirect(me.tenantId(), me.userId(), userId).conversation();
        return "redirect:/chat/" + conversation.id();
    }

    @PostMapping("/groups")
    String group(@RequestParam(defaultValue = "") String name,
                 @RequestParam(name = "members", required = false) List<String> members,
                 HttpServletResponse response, Model model) {
        Person me = Person.current();
        List<String> chosen = members == null ? List.of() : members;
        try {
            ConversationView group = conversations.createGroup(me.tenantId(), me.userId(), name, chosen);
            return "redirect:/chat/" + group.id();
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, me, null, name, chosen, FormErrors.onLists(e, texts, "name", "memberIds"));
        }
    }

    private String page(Model model, Person me, String q, String name, List<String> chosen, FormErrors errors) {
        model.addAttribute("people", colleagues.of(me, q));
        model.addAttribute("q", q);
        model.addAttribute("name", name);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "chat/new";
    }
}
