package hk.lantau.identity.web;

import hk.lantau.identity.Accounts;
import hk.lantau.identity.ClientInfo;
import hk.lantau.identity.IssuedSession;
import hk.lantau.identity.Sessions;
import hk.lantau.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out on the API, and setting a password through a one-time link. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in", description = "Sessions for people and operators")
class AuthController {

    private final Sessions sessions;
    private final Accounts accounts;

    AuthController(Sessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign in with e-mail and password; returns a bearer token")
    SessionCreated signIn(@Valid @RequestBody SignInRequest body, HttpServletRequest request) {
        IssuedSession session = sessions.signIn(body.login(), body.password(),
                new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent")));
        return new SessionCreated(session.sessionId(), session.token(), session.expiresAt().toString());
    }

    @DeleteMapping("/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: end the session that made this call")
    void signOut() {
        String sessionId = CurrentActor.get().sessionId();
        if (sessionId != null) {
            sessions.signOut(sessionId);
        }
    }

    @PostMapping("/links/{token}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a password with a one-time setup or reset link")
    void setPassword(@PathVariable String token, @Valid @RequestBody PasswordRequest body) {
        accounts.setPasswordWithLink(token, body.password());
    }

    record SignInRequest(@NotBlank @Size(max = 254) String login, @NotBlank @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "SignInRequest[login=" + login + "]";
        }
    }

    record PasswordRequest(@NotBlank @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "PasswordRequest[]";
        }
    }

    record SessionCreated(String sessionId, String token, String expiresAt) {
    }
}
