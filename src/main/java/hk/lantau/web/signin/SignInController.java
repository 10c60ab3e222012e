package hk.lantau.web.signin;

import hk.lantau.identity.AccountLockedException;
import hk.lantau.identity.Authenticated;
import hk.lantau.identity.IssuedSession;
import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.Sessions;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Times;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form and signing out. A password that is right opens a session; when the person
 * still owes a TOTP code or an authenticator, that session can only reach the {@code /mfa} pages.
 */
@Controller
class SignInController {

    private final Sessions sessions;
    private final PageMessages messages;
    private final Times times;
    private final Clock clock;

    SignInController(Sessions sessions, PageMessages messages, Times times, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/signin")
    String form(@RequestParam(required = false) String done, Model model) {
        if (CurrentActor.find().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("email", "");
        model.addAttribute("notice", notice(done));
        return "signin/signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            IssuedSession session = sessions.signIn(email, password, Clients.of(request));
            response.addHeader(HttpHeaders.SET_COOKIE, SessionCookies.issue(session, request, clock.instant()).toString());
            return switch (session.access()) {
                case FULL -> "redirect:/";
                case MFA_REQUIRED -> "redirect:/mfa";
                case ENROLMENT_ONLY -> "redirect:/mfa/enrol";
            };
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            model.addAttribute("email", email);
            model.addAttribute("error", e instanceof AccountLockedException locked ? locked(locked) : messages.problem(e));
            return "signin/signin";
        }
    }

    /** Ends the session of the cookie, also one that is still waiting for its second step. */
    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        String token = SessionCookies.read(request);
        if (token != null) {
            sessions.authenticateSession(token, request.getRemoteAddr()).map(Authenticated::actor)
                    .ifPresent(sessions::signOut);
        }
        response.addHeader(HttpHeaders.SET_COOKIE, SessionCookies.clear(request).toString());
        return "redirect:/signin?done=signed-out";
    }

    /** Before sign-in the organisation is unknown, so the unlock time is given in the installation's zone. */
    String locked(AccountLockedException e) {
        return messages.text("signin.locked", times.dateTime(e.unlockAt(), Clients.INSTALLATION_ZONE),
                Clients.INSTALLATION_ZONE.getId());
    }

    private String notice(String done) {
        if ("signed-out".equals(done)) {
            return messages.text("signin.notice.signed_out");
        }
        if ("password-set".equals(done)) {
            return messages.text("signin.notice.password_set");
        }
        return null;
    }
}
