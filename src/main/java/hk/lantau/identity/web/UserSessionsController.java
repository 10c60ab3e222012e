package hk.lantau.identity.web;

import hk.lantau.identity.AccountSessions;
import hk.lantau.identity.SessionView;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An administrator's view of a person's sessions, within the administrator's organisation. */
@RestController
@PeopleOnly
@RequestMapping("/api/v1/users/{userId}/sessions")
@Tag(name = "Sessions (admin)", description = "See and end people's sessions; needs sessions.manage")
class UserSessionsController {

    private final AccountSessions sessions;

    UserSessionsController(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "A person's active sessions")
    @ApiResponse(responseCode = "404", description = "identity.user_not_found (also for another organisation's people)")
    List<SessionView> list(@PathVariable String userId) {
        Actor caller = CurrentActor.require(Permission.SESSIONS_MANAGE);
        return sessions.ofUser(caller.requireTenant(), userId, caller);
    }

    @DeleteMapping("/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of a person's sessions")
    @ApiResponse(responseCode = "404", description = "identity.user_not_found or identity.session_not_found")
    void end(@PathVariable String userId, @PathVariable String sessionId) {
        sessions.endOfUser(CurrentActor.require(Permission.SESSIONS_MANAGE).requireTenant(), userId, sessionId);
    }

    @DeleteMapping
    @Operation(summary = "End all of a person's sessions")
    @ApiResponse(responseCode = "404", description = "identity.user_not_found")
    Revoked endAll(@PathVariable String userId) {
        return new Revoked(sessions.endAllOfUser(CurrentActor.require(Permission.SESSIONS_MANAGE).requireTenant(),
                userId));
    }

    record Revoked(int revoked) {
    }
}
