package hk.lantau.web.chat;

import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
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

    /** Colleagues offered per search; the filter narrows a large organisation down. */
    static final int PEOPLE = 200;

    private final Conversations conversations;
    private final Users users;
    private final PageMessages texts;

    NewConversationPageController(Conversations conversations, Users users, PageMessages texts) {
        this.conversations = conversations;
        this.users = users;
        this.texts = texts;
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String q, Model model) {
        ChatPerson me = ChatPerson.current();
        return page(model, me, q, "", List.of(), FormErrors.NONE);
    }

    @PostMapping("/direct")
    String direct(@RequestParam(required = false) String userId) {
        ChatPerson me = ChatPerson.current();
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
        ChatPerson me = ChatPerson.current();
        List<String> chosen = members == null ? List.of() : members;
        try {
            ConversationView group = conversations.createGroup(me.tenantId(), me.userId(), name, chosen);
            return "redirect:/chat/" + group.id();
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, me, null, name, chosen, FormErrors.onLists(e, texts, "name", "memberIds"));
        }
    }

    private String page(Model model, ChatPerson me, String q, String name, List<String> chosen, FormErrors errors) {
        List<UserProfile> people = users.search(me.tenantId(), new UserQuery(blankToNull(q), null, UserStatus.ACTIVE,
                        null), null, PEOPLE).items().stream()
                .filter(p -> !p.userId().equals(me.userId()))
                .sorted(Comparator.comparing(UserProfile::name))
                .toList();
        model.addAttribute("people", people);
        model.addAttribute("q", q);
        model.addAttribute("name", name);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "chat/new";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
