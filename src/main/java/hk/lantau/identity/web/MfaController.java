package hk.lantau.identity.web;

import hk.lantau.identity.Mfa;
import hk.lantau.identity.MfaStatus;
import hk.lantau.identity.TotpEnrolment;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Enrolling the caller's TOTP authenticator. */
@RestController
@PeopleOnly
@RequestMapping("/api/v1/auth/mfa")
@Tag(name = "Sign-in")
class MfaController {

    private final Mfa mfa;
    private final Clock clock;

    MfaController(Mfa mfa, Clock clock) {
        this.mfa = mfa;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Whether the caller has an authenticator and whether their roles require one")
    MfaStatus status() {
        return mfa.status(CurrentActor.get());
    }

    @PostMapping("/enrolment")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start enrolling a TOTP authenticator",
            description = "Returns the seed, an otpauth:// URI and the same URI as a QR code (data:image/png URI). "
                    + "They are shown once; only an encrypted copy is kept. Starting again replaces an unconfirmed "
                    + "enrolment.")
    @ApiResponse(responseCode = "409", description = "identity.mfa_already_enrolled")
    TotpEnrolment start() {
        return mfa.startEnrolment(CurrentActor.get());
    }

    @PostMapping("/enrolment/confirm")
    @Operation(summary = "Confirm the enrolment with a code from the authenticator; returns a new, full session",
            description = "The calling session ends; use the returned token from now on (the cookie is replaced "
                    + "when the call came with it).")
    @ApiResponse(responseCode = "201", description = "The new session")
    @ApiResponse(responseCode = "400", description = "identity.totp_invalid")
    @ApiResponse(responseCode = "409", description = "identity.mfa_enrolment_not_started")
    ResponseEntity<AuthController.SessionCreated> confirm(@Valid @RequestBody AuthController.CodeRequest body,
                                                          HttpServletRequest request) {
        return AuthController.created(mfa.confirmEnrolment(CurrentActor.get(), body.code(), Clients.of(request)),
                request, clock);
    }
}
