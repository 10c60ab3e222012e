package hk.lantau.web.ding;

import hk.lantau.messaging.DingRecipient;
import hk.lantau.messaging.DingView;
import hk.lantau.messaging.Dings;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
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
    static final int SENT = 50;

    private final Dings dings;
    private final Colleagues colleagues;
    private final PageMessages texts;

    DingPageController(Dings dings, Colleagues colleagues, PageMessages texts) {
        this.dings = dings;
        this.colleagues = colleagues;
        this.texts = texts;
    }

    @GetMapping
    String list(Model model) {
        long tenantId = Person.current().tenantId();
        model.addAttribute("sent", dings.sent(tenantId, null, SENT).items());
        return "ding/dings";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String q, @RequestParam(required = false) String conversationId,
                @RequestParam(required = false) Long messageId, @RequestParam(required = false) String text,
                @RequestParam(name = "to", required = false) List<String> to, Model model) {
        Person me = Person.current();
        return form(model, me, q, DingForm.empty(conversationId, messageId, text, to), FormErrors.NONE);
    }

    @PostMapping
    String send(@ModelAttribute DingForm form, @ModelAttribute("shell") Shell shell, HttpServletResponse response,
                Model model) {
        Person me = Person.current();
        try {
            DingView sent = dings.send(me.tenantId(), form.toNewDing(shell.zone()));
            return "redirect:/dings/" + sent.id() + "?done=" + (sent.sentAt() == null ? "scheduled" : "sent");
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, me, null, form, FormErrors.onLists(e, texts, FIELDS));
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        Person me = Person.current();
        model.addAttribute("done", done);
        return detail(model, me, dings.get(me.tenantId(), id));
    }

    /** The recipients' confirmations, refreshed live on the sender's page. */
    @GetMapping("/{id}/recipients")
    String recipients(@PathVariable long id, Model model) {
        Person me = Person.current();
        DingView ding = dings.get(me.tenantId(), id);
        model.addAttribute("ding", ding);
        model.addAttribute("recipients", recipients(me, ding));
        return "ding/ding :: recipients";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                   Model model) {
        Person me = Person.current();
        dings.confirm(me.tenantId(), id);
        if (htmx == null) {
            return "redirect:/dings/" + id + "?done=confirmed";
        }
        model.addAttribute("dingBanner", dings.unconfirmed(me.tenantId()));
        return "ding/banner :: banner";
    }

    @GetMapping("/banner")
    String banner(Model model) {
        Person me = Person.current();
        model.addAttribute("dingBanner", dings.unconfirmed(me.tenantId()));
        return "ding/banner :: banner";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id) {
        Person me = Person.current();
        dings.cancel(me.tenantId(), id);
        return "redirect:/dings/" + id + "?done=cancelled";
    }

    private String form(Model model, Person me, String q, DingForm form, FormErrors errors) {
        model.addAttribute("people", colleagues.of(me, q));
        model.addAttribute("q", q);
        model.addAttribute("form", form);
        model.addAttribute("settings", dings.settings(me.tenantId()));
        model.addAttribute("errors", errors);
        return "ding/new";
    }

    private String detail(Model model, Person me, DingView ding) {
        model.addAttribute("ding", ding);
        List<DingRecipient> recipients = recipients(me, ding);
        model.addAttribute("mine", me.userId().equals(ding.senderId()));
        model.addAttribute("recipients", recipients);
        model.addAttribute("names", recipients.stream().collect(java.util.stream.Collectors.toMap(
                DingRecipient::userId, DingRecipient::name, (a, b) -> a)));
        model.addAttribute("attempts", me.userId().equals(ding.senderId())
                ? dings.attempts(me.tenantId(), ding.id()) : List.of());
        return "ding/ding";
    }

    private List<DingRecipient> recipients(Person me, DingView ding) {
        if (!me.userId().equals(ding.senderId())) {
            return List.of();
        }
        return dings.recipients(me.tenantId(), ding.id(), null).stream()
                .sorted(Comparator.comparing((DingRecipient r) -> r.confirmedAt() != null)
                        .thenComparing(DingRecipient::name))
                .toList();
    }

}
