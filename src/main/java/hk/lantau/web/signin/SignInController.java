package hk.lantau.web.signin;

import hk.lantau.identity.ClientInfo;
import hk.lantau.identity.IssuedSession;
import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.Sessions;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form and signing out. */
@Controller
class SignInController {

    private final Sessions sessions;
    private final PageMessages messages;
    private final Clock clock;

    SignInController(Sessions sessions, PageMessages messages, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
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
            IssuedSession session = sessions.signIn(email, password,
                    new ClientInfo(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
            response.addHeader(HttpHeaders.SET_COOKIE, SessionCookies.issue(session, request, clock.instant()).toString());
            return "redirect:/";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            model.addAttribute("email", email);
            model.addAttribute("error", messages.problem(e));
            return "signin/signin";
        }
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        CurrentActor.find().map(a -> a.sessionId()).ifPresent(sessions::signOut);
        response.addHeader(HttpHeaders.SET_COOKIE, SessionCookies.clear(request).toString());
        return "redirect:/signin?done=signed-out";
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
