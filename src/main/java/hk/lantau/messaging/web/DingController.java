package hk.lantau.messaging.web;

import hk.lantau.messaging.DingAttempt;
import hk.lantau.messaging.DingRecipient;
import hk.lantau.messaging.DingSettings;
import hk.lantau.messaging.DingView;
import hk.lantau.messaging.Dings;
import hk.lantau.messaging.NewDing;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dings")
@PeopleOnly
@Tag(name = "DING", description = "Urgent messages each recipient must confirm. Unconfirmed recipients are reminded "
        + "at an interval and escalated from in-app to e-mail and SMS. Events on the person's stream: ding.created, "
        + "ding.reminded and ding.cancelled to recipients, ding.confirmed to the sender and the confirming person.")
class DingController {

    private final Dings dings;

    DingController(Dings dings) {
        this.dings = dings;
    }

    @PostMapping
    @Operation(summary = "Send a DING now, or schedule it with sendAt",
            description = "text has 1 to 1000 characters; recipients are 1 to 200 active people of the organisation, "
                    + "not the sender. sendAt is in the future and at most 30 days ahead. remindEveryMinutes is 1 to "
                    + "60 (default 5), reminders 0 to 10 (default 3). escalation says from which step e-mail and "
                    + "SMS join in-app delivery (0 the DING itself, 1 the first reminder...; absent or null never); "
                    + "without escalation, e-mail joins at reminder 2 and SMS at reminder 3 where the organisation "
                    + "allows them.")
    @ApiResponse(responseCode = "201", description = "The DING")
    @ApiResponse(responseCode = "400", description = "messaging.ding_text_invalid, messaging.ding_recipients_missing, "
            + "messaging.ding_too_many_recipients, messaging.ding_recipient_unknown, messaging.ding_recipient_self, "
            + "messaging.ding_send_at_past, messaging.ding_send_at_too_far, messaging.ding_interval_invalid, "
            + "messaging.ding_reminders_invalid, messaging.ding_escalation_invalid, "
            + "messaging.ding_channel_not_allowed, messaging.ding_link_invalid, or messaging.ding_invalid for several")
    @ApiResponse(responseCode = "404", description = "messaging.conversation_not_found or "
            + "messaging.message_not_found: the linked message is not one the sender can see")
    @ApiResponse(responseCode = "429", description = "messaging.ding_rate_limited: the sender's DINGs in the last "
            + "hour, or the organisation's SMS recipients in the last day, are at their limit; Retry-After says "
            + "when to try again")
    ResponseEntity<DingView> send(@RequestBody DingRequest request) {
        long tenantId = CurrentActor.get().requireTenant();
        DingView ding = dings.send(tenantId, request.toNewDing());
        return ResponseEntity.created(URI.create("/api/v1/dings/" + ding.id())).body(ding);
    }

    @GetMapping("/sent")
    @Operation(summary = "The DINGs I sent, newest first, with confirmation counts")
    CursorPage<DingView> sent(@RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "50") int limit) {
        return dings.sent(CurrentActor.get().requireTenant(), cursor, limit);
    }

    @GetMapping("/unconfirmed")
    @Operation(summary = "The DINGs I received and have not confirmed, newest first (at most 100)")
    List<DingView> unconfirmed() {
        return dings.unconfirmed(CurrentActor.get().requireTenant());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One DING I sent or received",
            description = "confirmedAt is the caller's own confirmation when they are a recipient.")
    @ApiResponse(responseCode = "404", description = "messaging.ding_not_found")
    DingView get(@PathVariable long id) {
        return dings.get(CurrentActor.get().requireTenant(), id);
    }

    @GetMapping("/{id}/recipients")
    @Operation(summary = "Who confirmed and who has not, with times and reminders; for the sender",
            description = "confirmed=true or false lists only those who have or have not confirmed.")
    @ApiResponse(responseCode = "404", description = "messaging.ding_not_found")
    List<DingRecipient> recipients(@PathVariable long id, @RequestParam(required = false) Boolean confirmed) {
        return dings.recipients(CurrentActor.get().requireTenant(), id, confirmed);
    }

    @GetMapping("/{id}/attempts")
    @Operation(summary = "Every delivery attempt by channel and its outcome; for the sender",
            description = "outcome is PENDING, DELIVERED (in-app), SENT (accepted by the mail server or SMS gateway), "
                    + "FAILED, NOT_CONFIGURED, NO_ADDRESS or SKIPPED (confirmed or cancelled first).")
    @ApiResponse(responseCode = "404", description = "messaging.ding_not_found")
    List<DingAttempt> attempts(@PathVariable long id) {
        return dings.attempts(CurrentActor.get().requireTenant(), id);
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm a DING I received; it stops my reminders. Confirming again changes nothing.")
    @ApiResponse(responseCode = "404", description = "messaging.ding_not_found")
    @ApiResponse(responseCode = "409", description = "messaging.ding_cancelled")
    DingView confirm(@PathVariable long id) {
        return dings.confirm(CurrentActor.get().requireTenant(), id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a scheduled DING or recall a sent one; for the sender",
            description = "Stops every reminder; recipients who had not confirmed receive ding.cancelled. "
                    + "Cancelling again changes nothing.")
    @ApiResponse(responseCode = "404", description = "messaging.ding_not_found")
    @ApiResponse(responseCode = "409", description = "messaging.ding_all_confirmed")
    DingView cancel(@PathVariable long id) {
        return dings.cancel(CurrentActor.get().requireTenant(), id);
    }

    @GetMapping("/settings")
    @Operation(summary = "Which escalation channels the organisation allows and the installation has configured")
    DingSettings settings() {
        return dings.settings(CurrentActor.get().requireTenant());
    }

    @PutMapping("/settings")
    @Operation(summary = "Allow or forbid e-mail and SMS escalation; needs org.settings")
    @ApiResponse(responseCode = "403", description = "auth.permission_missing")
    DingSettings changeSettings(@Valid @RequestBody SettingsRequest request) {
        return dings.changeSettings(CurrentActor.get().requireTenant(), request.emailAllowed(), request.smsAllowed());
    }

    @Schema(example = """
            {"text": "Server room alarm: please confirm you are on your way", "recipients": ["mchan", "kwong"],
             "remindEveryMinutes": 5, "reminders": 3, "escalation": {"emailFrom": 1, "smsFrom": 2}}""")
    record DingRequest(String text, List<String> recipients, String conversationId, Long messageId, Instant sendAt,
                       Integer remindEveryMinutes, Integer reminders, NewDing.Escalation escalation) {

        NewDing toNewDing() {
            return new NewDing(text, recipients, conversationId, messageId, sendAt, remindEveryMinutes, reminders,
                    escalation);
        }
    }

    record SettingsRequest(@NotNull Boolean emailAllowed, @NotNull Boolean smsAllowed) {
    }
}
