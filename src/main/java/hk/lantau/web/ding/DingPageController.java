package hk.lantau.web.ding;

import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import hk.lantau.messaging.DingRecipient;
import hk.lantau.messaging.DingView;
import hk.lantau.messaging.Dings;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Shell;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
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
 * DINGs in the workspace: writing one, the ones sent with who has confirmed, and confirming from
 * the banner every page shows while one is waiting.
 */
@Controller
@RequestMapping("/dings")
class DingPageController {

    static final String[] FIELDS = {"text", "recipients", "sendAt", "remindEveryMinutes", "reminders"};
    /** Colleagues offered per search in the form. */
    static final int PEOPLE = 200;
    static final int SENT = 50;

    private final Dings dings;
    private final Users users;
    private final PageMessages texts;

    DingPageController(Dings dings, Users users, PageMessages texts) {
        this.dings = dings;
        this.users = users;
        this.texts = texts;
    }

    @GetMapping
    String list(Model model) {
        long tenantId = person().requireTenant();
        model.addAttribute("sent", dings.sent(tenantId, null, SENT).items());
        return "ding/dings";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String q, @RequestParam(required = false) String conversationId,
                @RequestParam(required = false) Long messageId, @RequestParam(required = false) String text,
                @RequestParam(name = "to", required = false) List<String> to, Model model) {
        Actor me = person();
        return form(model, me, q, DingForm.empty(conversationId, messageId, text, to), FormErrors.NONE);
    }

    @PostMapping
    String send(@ModelAttribute DingForm form, @ModelAttribute("shell") Shell shell, HttpServletResponse response,
                Model model) {
        Actor me = person();
        try {
            DingView sent = dings.send(me.requireTenant(), form.toNewDing(shell.zone()));
            return "redirect:/dings/" + sent.id() + "?done=" + (sent.sentAt() == null ? "scheduled" : "sent");
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, me, null, form, FormErrors.onLists(e, texts, FIELDS));
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        Actor me = person();
        model.addAttribute("done", done);
        return detail(model, me, dings.get(me.requireTenant(), id));
    }

    /** The recipients' confirmations, refreshed live on the sender's page. */
    @GetMapping("/{id}/recipients")
    String recipients(@PathVariable long id, Model model) {
        Actor me = person();
        DingView ding = dings.get(me.requireTenant(), id);
        model.addAttribute("ding", ding);
        model.addAttribute("recipients", recipients(me, ding));
        return "ding/ding :: recipients";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model) {
        Actor me = person();
        dings.confirm(me.requireTenant(), id);
        if (htmx == null) {
            return "redirect:/dings/" + id + "?done=confirmed";
        }
        model.addAttribute("dingBanner", dings.unconfirmed(me.requireTenant()));
        return "ding/banner :: banner";
    }

    @GetMapping("/banner")
    String banner(Model model) {
        Actor me = person();
        model.addAttribute("dingBanner", dings.unconfirmed(me.requireTenant()));
        return "ding/banner :: banner";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id) {
        Actor me = person();
        dings.cancel(me.requireTenant(), id);
        return "redirect:/dings/" + id + "?done=cancelled";
    }

    private String form(Model model, Actor me, String q, DingForm form, FormErrors errors) {
        List<UserProfile> people = users.search(me.requireTenant(), new UserQuery(q == null || q.isBlank() ? null
                        : q.strip(), null, UserStatus.ACTIVE, null), null, PEOPLE).items().stream()
                .filter(p -> !p.userId().equals(me.userId()))
                .sorted(Comparator.comparing(UserProfile::name))
                .toList();
        model.addAttribute("people", people);
        model.addAttribute("q", q);
        model.addAttribute("form", form);
        model.addAttribute("settings", dings.settings(me.requireTenant()));
        model.addAttribute("errors", errors);
        return "ding/new";
    }

    private String detail(Model model, Actor me, DingView ding) {
        model.addAttribute("ding", ding);
        List<DingRecipient> recipients = recipients(me, ding);
        model.addAttribute("mine", me.userId().equals(ding.senderId()));
        model.addAttribute("recipients", recipients);
        model.addAttribute("names", recipients.stream().collect(java.util.stream.Collectors.toMap(
                DingRecipient::userId, DingRecipient::name, (a, b) -> a)));
        model.addAttribute("attempts", me.userId().equals(ding.senderId())
                ? dings.attempts(me.requireTenant(), ding.id()) : List.of());
        return "ding/ding";
    }

    private List<DingRecipient> recipients(Actor me, DingView ding) {
        if (!me.userId().equals(ding.senderId())) {
            return List.of();
        }
        return dings.recipients(me.requireTenant(), ding.id(), null).stream()
                .sorted(Comparator.comparing((DingRecipient r) -> r.confirmedAt() != null)
                        .thenComparing(DingRecipient::name))
                .toList();
    }

    private static Actor person() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER || actor.tenantId() == null) {
            throw LantauException.notFound("messaging.ding_not_found", "Only people of an organisation send DINGs.");
        }
        return actor;
    }
}
