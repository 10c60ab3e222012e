package hk.lantau.attendance.web;

import hk.lantau.attendance.PayrollPushes;
import hk.lantau.attendance.SftpDelivery;
import hk.lantau.attendance.SftpDestination;
import hk.lantau.attendance.SftpDestinationDefinition;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attendance/sftp-destinations")
@Tag(name = "Attendance payroll push", description = "Payroll SFTP destinations with a pinned host key and a "
        + "schedule, pushes on demand and the delivery log. Passwords and keys are sealed and never returned.")
class PayrollPushController {

    private final PayrollPushes pushes;

    PayrollPushController(PayrollPushes pushes) {
        this.pushes = pushes;
    }

    @GetMapping
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "The organisation's SFTP destinations")
    List<SftpDestination> list() {
        return pushes.list(tenant());
    }

    @PostMapping
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Add an SFTP destination")
    @ApiResponse(responseCode = "400", description = "attendance.sftp_destination_invalid")
    ResponseEntity<SftpDestination> create(@RequestBody SftpDestinationDefinition definition) {
        return ResponseEntity.status(HttpStatus.CREATED).body(pushes.create(tenant(), definition));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "One SFTP destination")
    @ApiResponse(responseCode = "404", description = "attendance.sftp_destination_not_found")
    SftpDestination get(@PathVariable long id) {
        return pushes.get(tenant(), id);
    }

    @PutMapping("/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Change an SFTP destination; empty password and key keep the stored one")
    @ApiResponse(responseCode = "400", description = "attendance.sftp_destination_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.sftp_destination_not_found")
    SftpDestination change(@PathVariable long id, @RequestBody SftpDestinationDefinition definition) {
        return pushes.change(tenant(), id, definition);
    }

    @DeleteMapping("/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Remove an SFTP destination and its delivery log")
    @ApiResponse(responseCode = "404", description = "attendance.sftp_destination_not_found")
    ResponseEntity<Void> delete(@PathVariable long id) {
        pushes.delete(tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/push")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Push the export now, once; without a period, the one the schedule sends next. The "
            + "answer is the logged attempt: outcome DELIVERED or FAILED with an errorCode")
    @ApiResponse(responseCode = "400", description = "attendance.report_period_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.sftp_destination_not_found")
    SftpDelivery push(@PathVariable long id, @RequestBody(required = false) PushBody body) {
        LocalDate[] period = body == null || body.month() == null && body.from() == null && body.to() == null
                ? new LocalDate[] {null, null}
                : AttendanceReportController.period(body.month(), null, body.from(), body.to());
        return pushes.pushNow(tenant(), id, period[0], period[1]);
    }

    @GetMapping("/{id}/deliveries")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "The latest delivery attempts, newest first")
    @ApiResponse(responseCode = "404", description = "attendance.sftp_destination_not_found")
    List<SftpDelivery> deliveries(@PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        return pushes.deliveries(tenant(), id, limit);
    }

    record PushBody(String month, LocalDate from, LocalDate to) {
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
