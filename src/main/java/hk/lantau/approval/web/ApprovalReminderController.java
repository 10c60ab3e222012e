package hk.lantau.approval.web;

import hk.lantau.approval.ApprovalReminders;
import hk.lantau.approval.ReminderSchedule;
import hk.lantau.approval.ReminderSettings;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's approval digest schedules; needs approval.manage. */
@RestController
@RequestMapping("/api/v1/approval-reminders")
@Tag(name = "Approval reminders", description = "When approvers with pending tasks get one digest of them, "
        + "on days of the week at a local time in the organisation's time zone")
class ApprovalReminderController {

    private final ApprovalReminders reminders;

    ApprovalReminderController(ApprovalReminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "The digest schedules, each with the instant it next sends")
    ReminderSettings get() {
        return reminders.get(CurrentActor.get().requireTenant());
    }

    @PutMapping
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Replace the digest schedules",
            description = "At most 10. 400 approval.reminders_invalid names each field at fault "
                    + "(approval.reminder_days_invalid, approval.reminder_time_invalid, approval.reminder_overlap "
                    + "when two enabled schedules share a day and time, approval.reminders_too_many); nothing "
                    + "changes then. An empty list turns digests off.")
    ReminderSettings replace(@RequestBody RemindersRequest request) {
        return reminders.replace(CurrentActor.get().requireTenant(),
                request.schedules() == null ? List.of() : request.schedules());
    }

    @Schema(name = "ApprovalRemindersRequest", example = """
            {"schedules": [{"daysOfWeek": ["SATURDAY"], "time": "10:00", "enabled": true}]}""")
    record RemindersRequest(List<ReminderSchedule> schedules) {
    }
}
