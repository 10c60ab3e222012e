package hk.lantau.attendance.web;

import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.ApprovedTime;
import hk.lantau.attendance.LeaveSettings;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance leave and overtime", description = "Which approval templates are leave and overtime, "
        + "and the leave and overtime taken from approvals that completed agreed.")
class AttendanceLeaveController {

    private final ApprovedTime approved;

    AttendanceLeaveController(ApprovedTime approved) {
        this.approved = approved;
    }

    @GetMapping("/leave-settings")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "The leave and overtime templates and their fields; null leave template means the Leave "
            + "preset's fields")
    LeaveSettings settings() {
        return approved.settings(tenant());
    }

    @PutMapping("/leave-settings")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Name the leave and overtime templates and their fields",
            description = "Replaces the settings; approvals finishing from then on follow them.")
    @ApiResponse(responseCode = "400", description = "attendance.leave_template_unknown, "
            + "attendance.leave_field_invalid, attendance.leave_template_required")
    LeaveSettings change(@RequestBody LeaveSettings settings) {
        return approved.change(tenant(), settings);
    }

    @GetMapping("/approved-time")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "A person's approved leave and overtime touching work dates from one date to another",
            description = "A person reads their own; anyone else's needs attendance.read. At most 62 days.")
    @ApiResponse(responseCode = "400", description = "attendance.range_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.user_not_found")
    List<ApprovedPeriod> periods(@RequestParam String userId,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return approved.periods(tenant(), userId, from, to);
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
