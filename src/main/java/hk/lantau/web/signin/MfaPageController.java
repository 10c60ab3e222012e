package hk.lantau.web.signin;

import hk.lantau.identity.AccountLockedException;
import hk.lantau.identity.IssuedSession;
import hk.lantau.identity.Mfa;
import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.TotpEnrolment;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two-step sign-in: the TOTP code after the password, and enrolling an authenticator app. Both
 * end the calling session and open a full one, whose cookie replaces the old.
 */
@Controller
@RequestMapping("/mfa")
class MfaPageController {

    private final Mfa mfa;
    private final PageMessages messages;
    private final SignInController signIn;
    private final Clock clock;

    MfaPageController(Mfa mfa, PageMessages messages, SignInController signIn, Clock clock) {
        this.mfa = mfa;
        this.messages = messages;
        this.signIn = signIn;
        this.clock = clock;
    }

    @GetMapping
    String codeForm(Model model) {
        if (CurrentActor.find().isEmpty()) {
            return "redirect:/signin";
        }
        model.addAttribute("errors", FormErrors.NONE);
        return "signin/mfa";
    }

    @PostMapping
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return "redirect:/signin";
        }
        try {
            IssuedSession session = mfa.completeSignIn(actor.get(), code.strip(), Clients.of(request));
            return signedIn(session, request, response, "redirect:/");
        } catch (AccountLockedException e) {
            response.setStatus(e.status().value());
            model.addAttribute("errors", FormErrors.general(signIn.locked(e)));
            return "signin/mfa";
        } catch (LantauException e) {
            if ("identity.mfa_not_pending".equals(e.code())) {
                return "redirect:/";
            }
            response.setStatus(e.status().value());
            model.addAttribute("errors", FormErrors.of(e, messages, "code"));
            return "signin/mfa";
        }
    }

    /** Starts an enrolment: a new seed each time, shown once, never cached. */
    @GetMapping("/enrol")
    String enrolment(HttpServletResponse response, Model model) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return "redirect:/signin";
        }
        TotpEnrolment enrolment;
        try {
            enrolment = mfa.startEnrolment(actor.get());
        } catch (LantauException e) {
            if ("identity.mfa_already_enrolled".equals(e.code())) {
                return "redirect:/account/sessions";
            }
            throw e;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("secretGroups", groups(enrolment.secret()));
        model.addAttribute("errors", FormErrors.NONE);
        return "signin/enrol";
    }

    @PostMapping("/enrol")
    String confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return "redirect:/signin";
        }
        try {
            IssuedSession session = mfa.confirmEnrolment(actor.get(), code.strip(), Clients.of(request));
            return signedIn(session, request, response, "redirect:/account/sessions?done=enrolled");
        } catch (LantauException e) {
            if ("identity.mfa_already_enrolled".equals(e.code())) {
                return "redirect:/account/sessions";
            }
            response.setStatus(e.status().value());
            model.addAttribute("errors", FormErrors.of(e, messages, "code"));
            return "signin/enrol";
        }
    }

    private String signedIn(IssuedSession session, HttpServletRequest request, HttpServletResponse response,
                            String next) {
        response.addHeader(HttpHeaders.SET_COOKIE, SessionCookies.issue(session, request, clock.instant()).toString());
        return next;
    }

    /** The seed in groups of four, easier to type into an app by hand. */
    static String groups(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
