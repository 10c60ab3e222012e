package hk.lantau.attendance.web;

import hk.lantau.attendance.Holiday;
import hk.lantau.attendance.Holidays;
import hk.lantau.attendance.NewWeatherSignal;
import hk.lantau.attendance.WeatherSignal;
import hk.lantau.attendance.WeatherSignals;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/attendance")
@Tag(name = "Attendance calendar", description = "The organisation's holidays (added one by one or imported from an "
        + "iCalendar file) and typhoon and rainstorm signal periods, which exempt the shifts they cover. Reading "
        + "needs attendance.read, changing attendance.manage.")
class AttendanceCalendarController {

    private final Holidays holidays;
    private final WeatherSignals weather;

    AttendanceCalendarController(Holidays holidays, WeatherSignals weather) {
        this.holidays = holidays;
        this.weather = weather;
    }

    @GetMapping("/holidays")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "Holidays from one date to another, both included")
    @ApiResponse(responseCode = "400", description = "attendance.range_invalid")
    List<Holiday> holidays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return holidays.list(tenant(), from, to);
    }

    @PostMapping("/holidays")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Add a holiday")
    @ApiResponse(responseCode = "400", description = "attendance.date_invalid, attendance.name_invalid")
    @ApiResponse(responseCode = "409", description = "attendance.holiday_exists")
    ResponseEntity<Holiday> addHoliday(@RequestBody HolidayRequest request) {
        Holiday holiday = holidays.add(tenant(), request.date(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/attendance/holidays/" + holiday.id())).body(holiday);
    }

    @DeleteMapping("/holidays/{id}")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Remove a holiday")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "attendance.holiday_not_found")
    ResponseEntity<Void> deleteHoliday(@PathVariable long id) {
        holidays.delete(tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/holidays/import", consumes = "text/calendar")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Import the all-day events of an iCalendar file, such as the Hong Kong government's general "
            + "holidays; days already present are kept")
    @ApiResponse(responseCode = "400", description = "attendance.calendar_invalid; nothing is added")
    Holidays.HolidayImport importHolidays(@RequestBody String icalendar) {
        return holidays.importCalendar(tenant(), icalendar);
    }

    @GetMapping("/weather-signals")
    @RequiresScope(Scope.ATTENDANCE_READ)
    @Operation(summary = "Weather signal periods that were up between two instants")
    @ApiResponse(responseCode = "400", description = "attendance.range_invalid")
    List<WeatherSignal> signals(@RequestParam Instant from, @RequestParam Instant to) {
        return weather.list(tenant(), from, to);
    }

    @PostMapping("/weather-signals")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Record a typhoon No. 8 or above, black rainstorm or extreme conditions period",
            description = "Marks the records of the shifts it covers WEATHER_EXEMPT and tells the members of the "
                    + "attendance groups; the end may be left open and set later.")
    @ApiResponse(responseCode = "400", description = "attendance.signal_type_invalid, attendance.signal_time_invalid")
    ResponseEntity<WeatherSignal> record(@RequestBody NewWeatherSignal signal) {
        WeatherSignal saved = weather.record(tenant(), signal);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/attendance/weather-signals/"
                + saved.id())).body(saved);
    }

    @PutMapping("/weather-signals/{id}/end")
    @RequiresScope(Scope.ATTENDANCE_WRITE)
    @Operation(summary = "Set (or correct) when a signal was cancelled; exemptions are worked out again")
    @ApiResponse(responseCode = "400", description = "attendance.signal_time_invalid")
    @ApiResponse(responseCode = "404", description = "attendance.signal_not_found")
    WeatherSignal end(@PathVariable long id, @RequestBody EndRequest request) {
        return weather.end(tenant(), id, request.endsAt());
    }

    record HolidayRequest(LocalDate date, String name) {
    }

    record EndRequest(Instant endsAt) {
    }

    private static long tenant() {
        return CurrentActor.get().requireTenant();
    }
}
