package hk.lantau.web.account;

import hk.lantau.identity.AccountSessions;
import hk.lantau.identity.Mfa;
import hk.lantau.identity.SessionView;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's own sign-in security: where they are signed in, ending sessions, and two-step sign-in. */
@Controller
@RequestMapping("/account/sessions")
class SessionsPageController {

    private final AccountSessions sessions;
    private final Mfa mfa;

    SessionsPageController(AccountSessions sessions, Mfa mfa) {
        this.sessions = sessions;
        this.mfa = mfa;
    }

    @GetMapping
    String show(@RequestParam(required = false) String done, Model model) {
        Actor actor = CurrentActor.get();
        List<SessionView> mine = sessions.mine(actor);
        model.addAttribute("sessions", mine);
        model.addAttribute("others", mine.stream().filter(s -> !s.current()).count());
        model.addAttribute("mfa", mfa.status(actor));
        model.addAttribute("done", done);
        return "account/sessions";
    }

    /** Ends one of the person's other sessions; htmx removes its row, without JavaScript the page reloads. */
    @PostMapping("/{sessionId}/end")
    String end(@PathVariable String sessionId, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        sessions.endMine(CurrentActor.get(), sessionId);
        return htmx != null ? "account/sessions :: ended" : "redirect:/account/sessions?done=ended";
    }

    @PostMapping("/others/end")
    String endOthers() {
        Actor actor = CurrentActor.get();
        sessions.mine(actor).stream().filter(s -> !s.current()).forEach(s -> sessions.endMine(actor, s.id()));
        return "redirect:/account/sessions?done=ended_others";
    }
}
