package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.MyAttendance;
import hk.lantau.attendance.MyMonth;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.Person;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's month: a calendar of results with a legend, the month's figures as the reports
 * count them, and the detail of one chosen day. Months run in the organisation's zone.
 */
@Controller
@RequestMapping("/attendance/me")
class MyAttendancePageController {

    private final MyAttendance mine;
    private final Clock clock;

    MyAttendancePageController(MyAttendance mine, Clock clock) {
        this.mine = mine;
        this.clock = clock;
    }

    @GetMapping
    String month(@RequestParam(required = false) String month, @RequestParam(required = false) String day,
                 Model model) {
        Person me = Person.current();
        MyMonth shown = mine.month(me.tenantId(), parseMonth(month, me));
        LocalDate today = LocalDate.ofInstant(clock.instant(), shown.zone());
        LocalDate chosen = parseDay(day, shown.month());
        model.addAttribute("month", shown);
        model.addAttribute("calendar", MonthCalendar.of(shown, today));
        model.addAttribute("previous", shown.month().minusMonths(1));
        model.addAttribute("next", shown.month().plusMonths(1));
        model.addAttribute("thisMonth", YearMonth.from(today));
        model.addAttribute("weekdays", List.of(DayOfWeek.values()));
        if (chosen != null) {
            List<AttendanceRecord> records = shown.records().stream().filter(r -> r.workDate().equals(chosen)).toList();
            model.addAttribute("chosen", chosen);
            model.addAttribute("chosenRecords", records);
            model.addAttribute("chosenMarks", MonthCalendar.marks(shown, chosen, records));
        }
        return "attendance/my-attendance";
    }

    private YearMonth parseMonth(String month, Person me) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(mine.today(me.tenantId()).workDate());
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw LantauException.invalid("attendance.month_invalid", "Give the month as yyyy-MM.");
        }
    }

    /** A day of the shown month, or none. */
    private static LocalDate parseDay(String day, YearMonth month) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(day);
            return YearMonth.from(date).equals(month) ? date : null;
        } catch (DateTimeParseException e) {
            throw LantauException.invalid("attendance.date_invalid", "Give the date as yyyy-MM-dd.");
        }
    }
}
