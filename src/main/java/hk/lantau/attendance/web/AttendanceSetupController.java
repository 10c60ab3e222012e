package hk.lantau.attendance.web;

import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.AttendanceGroups;
import hk.lantau.attendance.GroupDefinition;
import hk.lantau.attendance.Place;
import hk.lantau.attendance.PlaceDefinition;
import hk.lantau.attendance.Places;
import hk.lantau.attendance.Shift;
import hk.lantau.attendance.ShiftDefinition;
import hk.lantau.attendance.Shifts;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance set-up", description = "Places with a geofence (10 to 500 m) and Wi-Fi networks, shifts and "
        + "attendance groups. Reading needs attendance.read, changing attendance.manage. See docs/attendance.md.")
class AttendanceSetupController {

    private final Places places;
    private final Shifts shifts;
    private final AttendanceGroups groups;

    AttendanceSetupController(Places places, Shifts shifts, AttendanceGroups groups) {
        this.places = places;
        this.shifts = shifts;
        this.groups = groups;
    }

    @GetMapping("/places")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "The organisation's places")
    List<Place> places() {
        return places.list(tenant());
    }

    @PostMapping("/places")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Add a place: a centre, a radius of 10 to 500 metres and optional Wi-Fi networks")
    @ApiResponse(responseCode = "400", description = "attendance.place_invalid with errors such as "
            + "attendance.latitude_invalid, attendance.longitude_invalid, attendance.radius_invalid, attendance.wifi_invalid")
    ResponseEntity<Place> createPlace(@RequestBody PlaceDefinition definition) {
        Place place = places.create(tenant(), definition);
        return ResponseEntity.created(URI.create("/api/v1/attendance/places/" + place.id())).body(place);
    }

    @GetMapping("/places/{id}")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "A place")
    @ApiResponse(responseCode = "404", description = "attendance.place_not_found")
    Place place(@PathVariable long id) {
        return places.get(tenant(), id);
    }

    @PutMapping("/places/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Change a place")
    @ApiResponse(responseCode = "400", description = "attendance.place_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.place_not_found")
    Place updatePlace(@PathVariable long id, @RequestBody PlaceDefinition definition) {
        return places.update(tenant(), id, definition);
    }

    @DeleteMapping("/places/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Remove a place no group uses")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "409", description = "attendance.place_in_use")
    ResponseEntity<Void> deletePlace(@PathVariable long id) {
        places.delete(tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/shifts")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "The organisation's shifts")
    List<Shift> shifts() {
        return shifts.list(tenant());
    }

    @PostMapping("/shifts")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Add a shift; an off time at or before the on time ends the next day")
    @ApiResponse(responseCode = "400", description = "attendance.shift_invalid with errors such as "
            + "attendance.shift_time_invalid, attendance.shift_times_impossible, attendance.threshold_invalid, "
            + "attendance.working_days_invalid")
    ResponseEntity<Shift> createShift(@RequestBody ShiftDefinition definition) {
        Shift shift = shifts.create(tenant(), definition);
        return ResponseEntity.created(URI.create("/api/v1/attendance/shifts/" + shift.id())).body(shift);
    }

    @GetMapping("/shifts/{id}")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "A shift")
    @ApiResponse(responseCode = "404", description = "attendance.shift_not_found")
    Shift shift(@PathVariable long id) {
        return shifts.get(tenant(), id);
    }

    @PutMapping("/shifts/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Change a shift; records already made keep the times they were judged by")
    @ApiResponse(responseCode = "400", description = "attendance.shift_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.shift_not_found")
    Shift updateShift(@PathVariable long id, @RequestBody ShiftDefinition definition) {
        return shifts.update(tenant(), id, definition);
    }

    @DeleteMapping("/shifts/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Remove a shift no group uses")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "409", description = "attendance.shift_in_use")
    ResponseEntity<Void> deleteShift(@PathVariable long id) {
        shifts.delete(tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/groups")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "The organisation's attendance groups")
    List<AttendanceGroup> groups() {
        return groups.list(tenant());
    }

    @PostMapping("/groups")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Add a group: a shift, its places, members by person or department, the outside policy "
            + "(REFUSE or ACCEPT_WITH_REASON) and the accuracy limit in metres")
    @ApiResponse(responseCode = "400", description = "attendance.group_invalid with errors such as "
            + "attendance.shift_unknown, attendance.places_required, attendance.place_unknown, attendance.user_unknown, "
            + "attendance.department_unknown")
    @ApiResponse(responseCode = "409", description = "attendance.member_in_other_group")
    ResponseEntity<AttendanceGroup> createGroup(@RequestBody GroupDefinition definition) {
        AttendanceGroup group = groups.create(tenant(), definition);
        return ResponseEntity.created(URI.create("/api/v1/attendance/groups/" + group.id())).body(group);
    }

    @GetMapping("/groups/{id}")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "An attendance group")
    @ApiResponse(responseCode = "404", description = "attendance.group_not_found")
    AttendanceGroup group(@PathVariable long id) {
        return groups.get(tenant(), id);
    }

    @PutMapping("/groups/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Change a group; its places and members are replaced")
    @ApiResponse(responseCode = "400", description = "attendance.group_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.group_not_found")
    @ApiResponse(responseCode = "409", description = "attendance.member_in_other_group")
    AttendanceGroup updateGroup(@PathVariable long id, @RequestBody GroupDefinition definition) {
        return groups.update(tenant(), id, definition);
    }

    @DeleteMapping("/groups/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Remove a group; its records stay")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "attendance.group_not_found")
    ResponseEntity<Void> deleteGroup(@PathVariable long id) {
        groups.delete(tenant(), id);
        return ResponseEntity.noContent().build();
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
