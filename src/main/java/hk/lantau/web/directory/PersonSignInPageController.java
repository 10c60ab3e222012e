package hk.lantau.web.directory;

import hk.lantau.directory.Users;
import hk.lantau.identity.AccountRecovery;
import hk.lantau.identity.AccountSessions;
import hk.lantau.identity.IssuedResetLink;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Helping a person sign in: a one-time sign-in or reset link (shown once), removing a lost
 * authenticator, and ending their sessions.
 */
@Controller
@RequestMapping("/admin/users/{userId}")
class PersonSignInPageController {

    private final Users users;
    private final AccountRecovery recovery;
    private final AccountSessions sessions;
    private final PersonPage personPage;
    private final PageMessages messages;

    PersonSignInPageController(Users users, AccountRecovery recovery, AccountSessions sessions,
                               PersonPage personPage, PageMessages messages) {
        this.users = users;
        this.recovery = recovery;
        this.sessions = sessions;
        this.personPage = personPage;
        this.messages = messages;
    }

    /** The link is on this response only: it is stored nowhere in clear and never cached. */
    @PostMapping("/sign-in-link")
    String issueLink(@PathVariable String userId, HttpServletResponse response, Model model) {
        Actor caller = CurrentActor.require(Permission.PASSWORD_RESET);
        long tenantId = caller.requireTenant();
        try {
            IssuedResetLink link = recovery.issueLink(tenantId, userId, caller);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            response.setHeader("Referrer-Policy", "no-referrer");
            model.addAttribute("issuedLink", link);
            return personPage.render(model, tenantId, users.get(tenantId, userId), Map.of(), FormErrors.NONE);
        } catch (LantauException e) {
            return refused(e, tenantId, userId, response, model);
        }
    }

    @PostMapping("/authenticator/remove")
    String removeAuthenticator(@PathVariable String userId, HttpServletResponse response, Model model) {
        Actor caller = CurrentActor.require(Permission.PASSWORD_RESET);
        long tenantId = caller.requireTenant();
        try {
            recovery.removeAuthenticator(tenantId, userId, caller);
            return "redirect:/admin/users/" + userId + "?done=authenticator_removed#sign-in";
        } catch (LantauException e) {
            return refused(e, tenantId, userId, response, model);
        }
    }

    @PostMapping("/sessions/{sessionId}/end")
    String endSession(@PathVariable String userId, @PathVariable String sessionId) {
        long tenantId = CurrentActor.require(Permission.SESSIONS_MANAGE).requireTenant();
        sessions.endOfUser(tenantId, userId, sessionId);
        return "redirect:/admin/users/" + userId + "?done=session_ended#sign-in";
    }

    @PostMapping("/sessions/end")
    String endAll(@PathVariable String userId) {
        long tenantId = CurrentActor.require(Permission.SESSIONS_MANAGE).requireTenant();
        sessions.endAllOfUser(tenantId, userId);
        return "redirect:/admin/users/" + userId + "?done=sessions_ended#sign-in";
    }

    private String refused(LantauException e, long tenantId, String userId, HttpServletResponse response,
                           Model model) {
        if (e.status().value() == 404) {
            throw e;
        }
        response.setStatus(e.status().value());
        return personPage.render(model, tenantId, users.get(tenantId, userId), Map.of(),
                FormErrors.of(e, messages));
    }
}
