package hk.lantau.attendance.web;

import hk.lantau.attendance.AttendancePolicy;
import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.AttendanceSettings;
import hk.lantau.attendance.MonitoringNotice;
import hk.lantau.attendance.Punch;
import hk.lantau.attendance.Punches;
import hk.lantau.attendance.SettingsChange;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance", description = "Clock-ins with DingTalk's result values, a person's own records, everyone's "
        + "records, the monitoring notice people acknowledge before clocking in, and the attendance settings.")
class AttendanceController {

    private final Punches punches;
    private final AttendancePolicy policy;

    AttendanceController(Punches punches, AttendancePolicy policy) {
        this.punches = punches;
        this.policy = policy;
    }

    @PostMapping("/punches")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Clock in or out at this moment",
            description = "A person clocks in for themselves; an app with attendance.write names the person in "
                    + "userId (audited). The first punch of a work date is on-duty, later ones off-duty.")
    @ApiResponse(responseCode = "201", description = "The record, with timeResult and locationResult")
    @ApiResponse(responseCode = "400", description = "attendance.location_required, attendance.latitude_invalid, "
            + "attendance.longitude_invalid, attendance.accuracy_invalid, attendance.outside_reason_required")
    @ApiResponse(responseCode = "403", description = "attendance.other_person")
    @ApiResponse(responseCode = "409", description = "attendance.notice_missing, attendance.notice_unacknowledged, "
            + "attendance.no_group, attendance.outside_fence, attendance.duplicate_punch")
    ResponseEntity<AttendanceRecord> punch(@RequestBody Punch punch) {
        return ResponseEntity.status(HttpStatus.CREATED).body(punches.punch(tenant(), punch));
    }

    @GetMapping("/me")
    @PeopleOnly
    @Operation(summary = "The calling person's records of work dates from one date to another, both included")
    @ApiResponse(responseCode = "400", description = "attendance.range_invalid")
    List<AttendanceRecord> mine(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return punches.mine(tenant(), from, to);
    }

    @GetMapping("/records")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "Anyone's records; one person's up to 62 days, everyone's up to 31 days")
    @ApiResponse(responseCode = "400", description = "attendance.range_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.user_not_found")
    List<AttendanceRecord> records(@RequestParam(required = false) String userId,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return punches.records(tenant(), userId, from, to);
    }

    @GetMapping("/notice")
    @PeopleOnly
    @Operation(summary = "The organisation's current monitoring notice and whether the caller acknowledged it")
    @ApiResponse(responseCode = "404", description = "attendance.notice_missing")
    MonitoringNotice notice() {
        return policy.notice(tenant());
    }

    @PostMapping("/notice/acknowledgements")
    @PeopleOnly
    @Operation(summary = "Acknowledge the current version of the monitoring notice")
    @ApiResponse(responseCode = "409", description = "attendance.notice_version_stale")
    MonitoringNotice acknowledge(@RequestBody AcknowledgeRequest request) {
        return policy.acknowledge(tenant(), request.version());
    }

    @GetMapping("/settings")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "The attendance settings: monitoring notice, location retention, weather report-for-duty hours")
    AttendanceSettings settings() {
        return policy.settings(tenant());
    }

    @PutMapping("/settings")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Change the attendance settings; a changed notice is a new version people acknowledge again")
    @ApiResponse(responseCode = "400", description = "attendance.notice_invalid, attendance.retention_invalid, "
            + "attendance.report_hours_invalid")
    AttendanceSettings change(@RequestBody SettingsChange change) {
        return policy.change(tenant(), change);
    }

    record AcknowledgeRequest(int version) {
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
