package hk.lantau.messaging.web;

import hk.lantau.messaging.Audience;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.NewNotification;
import hk.lantau.messaging.NotificationRecipient;
import hk.lantau.messaging.NotificationTask;
import hk.lantau.messaging.RecipientState;
import hk.lantau.messaging.WorkNotifications;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@RequiresScope(Scope.NOTIFICATION_SEND)
@Validated
@Tag(name = "Work notifications", description = "Notifications apps and people holding messaging.notify send to "
        + "people, departments or everyone. A task is seen by its sender and by people holding messaging.moderate; "
        + "to everyone else it does not exist (404).")
class NotificationController {

    private final WorkNotifications notifications;

    NotificationController(WorkNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping
    @Operation(summary = "Send a work notification; it is delivered in the background",
            description = "content is text, markdown, link or actionCard, at most 2,048 bytes as JSON. The audience "
                    + "is up to 5,000 userIds and up to 20 departmentIds (with every department below them), or "
                    + "everyone. Unknown userids and departments do not fail the send: they are listed in the "
                    + "results. Follow progress with GET /api/v1/notifications/{id}.")
    @ApiResponse(responseCode = "202", description = "The task, not started yet (progress.status 0)")
    @ApiResponse(responseCode = "400", description = "messaging.notification_content_invalid, "
            + "messaging.notification_content_too_long, messaging.notification_kind_unsupported, "
            + "messaging.notification_audience_empty, messaging.notification_audience_invalid, "
            + "messaging.notification_too_many_users, messaging.notification_too_many_departments")
    ResponseEntity<NotificationTask> send(@RequestBody SendRequest request) {
        long tenantId = CurrentActor.get().requireTenant();
        NotificationTask task = notifications.send(tenantId, request.toNewNotification());
        return ResponseEntity.accepted().location(URI.create("/api/v1/notifications/" + task.id())).body(task);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A notification's progress and counts",
            description = "progress.status is 0 not started, 1 running, 2 done (also after a recall); "
                    + "progress.percent is the share of the audience handled so far.")
    NotificationTask get(@PathVariable long id) {
        return notifications.task(CurrentActor.get().requireTenant(), id);
    }

    @GetMapping("/{id}/recipients")
    @Operation(summary = "The people of one result list, in userid order",
            description = "state is read, unread, invalid (unknown userids or people who are not active) or "
                    + "forbidden (skipped by a daily limit; forbiddenCode 143105 daily limit, 143106 the same "
                    + "content within 24 hours). Pass nextCursor as cursor for the next page.")
    CursorPage<NotificationRecipient> recipients(@PathVariable long id, @RequestParam String state,
                                                 @RequestParam(required = false) @Size(max = 200) String cursor,
                                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return notifications.recipients(CurrentActor.get().requireTenant(), id, state(state), cursor, limit);
    }

    @PostMapping("/{id}/recall")
    @Operation(summary = "Recall a notification: it disappears from every recipient's list and delivery stops")
    NotificationTask recall(@PathVariable long id) {
        return notifications.recall(CurrentActor.get().requireTenant(), id);
    }

    private static RecipientState state(String value) {
        try {
            return RecipientState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LantauException.invalidField("state", "messaging.notification_state_invalid",
                    "state is read, unread, invalid or forbidden.");
        }
    }

    @Schema(example = """
            {"content": {"kind": "markdown", "title": "Typhoon signal No. 8",
                         "text": "The office closes at **15:00** today."},
             "audience": {"departmentIds": [1]}}""")
    record SendRequest(MessageContent content, AudienceRequest audience) {

        NewNotification toNewNotification() {
            return new NewNotification(content, audience == null ? null : audience.toAudience());
        }
    }

    record AudienceRequest(List<String> userIds, List<Long> departmentIds, Boolean everyone) {

        Audience toAudience() {
            return new Audience(userIds, departmentIds, Boolean.TRUE.equals(everyone));
        }
    }
}
