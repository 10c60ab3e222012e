package hk.lantau.messaging.web;

import hk.lantau.messaging.NotificationInbox;
import hk.lantau.messaging.NotificationView;
import hk.lantau.messaging.WorkNotifications;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/notifications")
@PeopleOnly
@Validated
@Tag(name = "My notifications", description = "The work notifications the signed-in person received")
class MyNotificationController {

    private final WorkNotifications notifications;

    MyNotificationController(WorkNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first, with how many are unread",
            description = "Recalled notifications are gone. Pass nextCursor as cursor for the next page.")
    NotificationInbox list(@RequestParam(required = false) @Size(max = 200) String cursor,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return notifications.inbox(CurrentActor.get().requireTenant(), cursor, limit);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read; the sender's read list shows it")
    NotificationView read(@PathVariable long id) {
        return notifications.markRead(CurrentActor.get().requireTenant(), id);
    }
}
