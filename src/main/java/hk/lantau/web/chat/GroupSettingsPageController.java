package hk.lantau.web.chat;

import hk.lantau.directory.UserProfile;
import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.MemberView;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A group's settings: its members for everyone, and for the owner and admins renaming, adding and
 * removing members and, for the owner, dismissing it. The chat module checks every rule again.
 */
@Controller
@RequestMapping("/chat/{id}/settings")
class GroupSettingsPageController {

    private final Conversations conversations;
    private final Colleagues colleagues;
    private final ChatViews views;
    private final PageMessages texts;

    GroupSettingsPageController(Conversations conversations, Colleagues colleagues, ChatViews views,
                                PageMessages texts) {
        this.conversations = conversations;
        this.colleagues = colleagues;
        this.views = views;
        this.texts = texts;
    }

    @GetMapping
    String show(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        Person me = Person.current();
        model.addAttribute("done", done);
        return page(model, me, group(me, id), null, FormErrors.NONE);
    }

    @PostMapping("/name")
    String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                  HttpServletResponse response, Model model) {
        Person me = Person.current();
        ConversationView group = group(me, id);
        try {
            conversations.rename(me.tenantId(), me.userId(), id, name);
            return "redirect:/chat/" + id + "/settings?done=renamed";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, me, group, name, FormErrors.of(e, texts, "name"));
        }
    }

    @PostMapping("/members")
    String add(@PathVariable String id, @RequestParam(name = "members", required = false) List<String> members,
               HttpServletResponse response, Model model) {
        Person me = Person.current();
        ConversationView group = group(me, id);
        try {
            conversations.addMembers(me.tenantId(), me.userId(), id, members == null ? List.of() : members);
            return "redirect:/chat/" + id + "/settings?done=added";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, me, group, null, FormErrors.onLists(e, texts));
        }
    }

    /** Removes a member; naming oneself leaves the group. */
    @PostMapping("/members/{userId}/remove")
    String remove(@PathVariable String id, @PathVariable String userId, HttpServletResponse response, Model model) {
        Person me = Person.current();
        ConversationView group = group(me, id);
        try {
            conversations.removeMember(me.tenantId(), me.userId(), id, userId);
        } catch (LantauException e) {
            if (e.status().is4xxClientError() && e.status().value() != 404) {
                response.setStatus(e.status().value());
                return page(model, me, group, null, FormErrors.of(e, texts));
            }
            throw e;
        }
        return userId.equals(me.userId()) ? "redirect:/chat" : "redirect:/chat/" + id + "/settings?done=removed";
    }

    @PostMapping("/dismiss")
    String dismiss(@PathVariable String id) {
        Person me = Person.current();
        group(me, id);
        conversations.dismiss(me.tenantId(), me.userId(), id);
        return "redirect:/chat/" + id;
    }

    private ConversationView group(Person me, String id) {
        ConversationView conversation = conversations.get(me.tenantId(), me.userId(), id);
        if (conversation.kind() == ConversationKind.DIRECT) {
            throw LantauException.notFound("messaging.conversation_not_found", "Direct conversations have no settings.");
        }
        return conversation;
    }

    private String page(Model model, Person me, ConversationView group, String failedName, FormErrors errors) {
        List<MemberView> members = conversations.members(me.tenantId(), me.userId(), group.id()).stream()
                .sorted(Comparator.comparing((MemberView m) -> m.role().ordinal()).thenComparing(MemberView::name))
                .toList();
        boolean manages = group.myRole() != null && group.myRole().manages() && !group.dismissed()
                && group.kind() == ConversationKind.GROUP;
        Set<String> inGroup = members.stream().map(MemberView::userId).collect(Collectors.toSet());
        List<UserProfile> candidates = !manages ? List.of() : colleagues.of(me, null).stream()
                .filter(p -> !inGroup.contains(p.userId())).toList();
        model.addAttribute("conversation", group);
        model.addAttribute("chatTitle", views.title(me, group));
        model.addAttribute("members", members);
        model.addAttribute("manages", manages);
        model.addAttribute("owner", group.myRole() == MemberRole.OWNER);
        model.addAttribute("me", me.userId());
        model.addAttribute("candidates", candidates);
        model.addAttribute("name", failedName == null ? group.name() : failedName);
        model.addAttribute("errors", errors);
        return "chat/settings";
    }
}
