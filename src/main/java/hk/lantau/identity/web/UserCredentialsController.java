package hk.lantau.identity.web;

import hk.lantau.identity.AccountRecovery;
import hk.lantau.identity.IssuedResetLink;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An administrator helping a person into their account. Needs identity.reset. */
@RestController
@PeopleOnly
@RequestMapping("/api/v1/users/{userId}")
@Tag(name = "Account recovery (admin)", description = "Sign-in and reset links, lost authenticators")
class UserCredentialsController {

    private final AccountRecovery recovery;

    UserCredentialsController(AccountRecovery recovery) {
        this.recovery = recovery;
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a one-time sign-in or password-reset link for a person",
            description = "Creates the person's sign-in account first if they have none (their directory e-mail "
                    + "becomes the login). Returns a SETUP link to someone who never set a password, else a RESET "
                    + "link; using a RESET link ends all their sessions. The link is returned once, here: Lantau "
                    + "does not e-mail it yet, so pass it on to the person yourself. Earlier unused links stop "
                    + "working. Refused (403 identity.target_more_privileged) for a person who holds a permission "
                    + "the caller lacks.")
    @ApiResponse(responseCode = "404", description = "identity.user_not_found (also for another organisation's people)")
    @ApiResponse(responseCode = "409", description = "identity.user_inactive, identity.login_taken")
    ResetLink issueLink(@PathVariable String userId) {
        Actor caller = CurrentActor.require(Permission.PASSWORD_RESET);
        return ResetLink.of(recovery.issueLink(caller.requireTenant(), userId, caller));
    }

    @DeleteMapping("/mfa")
    @Operation(summary = "Remove a person's TOTP authenticator (lost phone) and end their sessions",
            description = "If their role requires MFA they must enrol again at their next sign-in.")
    @ApiResponse(responseCode = "404", description = "identity.user_not_found (also for another organisation's people)")
    @ApiResponse(responseCode = "409", description = "identity.mfa_not_enrolled")
    Removed removeAuthenticator(@PathVariable String userId) {
        Actor caller = CurrentActor.require(Permission.PASSWORD_RESET);
        return new Removed(recovery.removeAuthenticator(caller.requireTenant(), userId, caller));
    }

    record ResetLink(String userId, String purpose, String link, String expiresAt, boolean accountCreated) {

        static ResetLink of(IssuedResetLink issued) {
            return new ResetLink(issued.userId(), issued.purpose().name(), issued.link().url(),
                    issued.link().expiresAt().toString(), issued.accountCreated());
        }

        @Override
        public String toString() {
            return "ResetLink[" + userId + ", " + purpose + "]";
        }
    }

    record Removed(int sessionsEnded) {
    }
}
