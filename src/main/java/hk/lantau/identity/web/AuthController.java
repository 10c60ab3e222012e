package hk.lantau.identity.web;

import hk.lantau.identity.AccountSessions;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.ClientInfo;
import hk.lantau.identity.IssuedSession;
import hk.lantau.identity.Mfa;
import hk.lantau.identity.SessionAccess;
import hk.lantau.identity.SessionCookies;
import hk.lantau.identity.SessionView;
import hk.lantau.identity.Sessions;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in and out on the API, the TOTP step of signing in, the caller's own sessions, and
 * setting a password through a one-time link.
 */
@RestController
@PeopleOnly
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in", description = "Sessions for people and operators")
class AuthController {

    private final Sessions sessions;
    private final AccountSessions accountSessions;
    private final Mfa mfa;
    private final Accounts accounts;
    private final Clock clock;

    AuthController(Sessions sessions, AccountSessions accountSessions, Mfa mfa, Accounts accounts, Clock clock) {
        this.sessions = sessions;
        this.accountSessions = accountSessions;
        this.mfa = mfa;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign in with e-mail and password; returns a bearer token",
            description = "Always creates a session. When `mfaRequired` is true the session expires in minutes "
                    + "and can only call POST /api/v1/auth/sessions/mfa with a TOTP code, which returns the real "
                    + "session. When `mfaEnrolmentRequired` is true the person's role needs MFA and they have "
                    + "none: the session can only enrol (/api/v1/auth/mfa/enrolment); every other call answers "
                    + "403 identity.mfa_enrolment_required.")
    @ApiResponse(responseCode = "401", description = "identity.bad_credentials")
    @ApiResponse(responseCode = "423", description = "identity.account_locked, with `unlockAt`")
    SessionCreated signIn(@Valid @RequestBody SignInRequest body, HttpServletRequest request) {
        return SessionCreated.of(sessions.signIn(body.login(), body.password(), Clients.of(request)));
    }

    @PostMapping("/sessions/mfa")
    @Operation(summary = "Complete sign-in with a TOTP code; returns a new, full session",
            description = "Call with the token of a session that answered `mfaRequired: true`. That session ends "
                    + "and a new token is returned (and set as the cookie if the call came with the cookie). "
                    + "Wrong and replayed codes count towards the account's lockout.")
    @ApiResponse(responseCode = "201", description = "The new session")
    @ApiResponse(responseCode = "400", description = "identity.totp_invalid or identity.totp_replayed")
    @ApiResponse(responseCode = "423", description = "identity.account_locked, with `unlockAt`")
    ResponseEntity<SessionCreated> completeMfa(@Valid @RequestBody CodeRequest body, HttpServletRequest request) {
        IssuedSession issued = mfa.completeSignIn(CurrentActor.get(), body.code(), Clients.of(request));
        return created(issued, request, clock);
    }

    @GetMapping("/sessions")
    @Operation(summary = "The caller's own active sessions, the current one marked")
    List<SessionView> mySessions() {
        return accountSessions.mine(CurrentActor.get());
    }

    @DeleteMapping("/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: end the session that made this call")
    void signOut() {
        sessions.signOut(CurrentActor.get());
    }

    @DeleteMapping("/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of the caller's own sessions, e.g. on a lost phone")
    @ApiResponse(responseCode = "404", description = "identity.session_not_found")
    void endMySession(@PathVariable String sessionId) {
        accountSessions.endMine(CurrentActor.get(), sessionId);
    }

    @PostMapping("/links/{token}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a password with a one-time setup or reset link",
            description = "A reset link ends every session of the account.")
    void setPassword(@PathVariable String token, @Valid @RequestBody PasswordRequest body) {
        accounts.setPasswordWithLink(token, body.password());
    }

    /** A 201 with the new session, and the cookie replaced when the browser's cookie made the call. */
    static ResponseEntity<SessionCreated> created(IssuedSession issued, HttpServletRequest request, Clock clock) {
        var response = ResponseEntity.status(HttpStatus.CREATED);
        boolean viaCookie = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SessionCookies.read(request) != null;
        if (viaCookie) {
            response.header(HttpHeaders.SET_COOKIE, SessionCookies.issue(issued, request, clock.instant()).toString());
        }
        return response.body(SessionCreated.of(issued));
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

    record CodeRequest(@NotBlank @Size(max = 16) String code) {

        @Override
        public String toString() {
            return "CodeRequest[]";
        }
    }

    record SessionCreated(String sessionId, String token, String expiresAt, boolean mfaRequired,
                          boolean mfaEnrolmentRequired) {

        static SessionCreated of(IssuedSession session) {
            return new SessionCreated(session.sessionId(), session.token(), session.expiresAt().toString(),
                    session.access() == SessionAccess.MFA_REQUIRED,
                    session.access() == SessionAccess.ENROLMENT_ONLY);
        }

        @Override
        public String toString() {
            return "SessionCreated[" + sessionId + "]";
        }
    }
}
