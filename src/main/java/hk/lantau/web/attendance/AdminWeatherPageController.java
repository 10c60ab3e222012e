package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendancePolicy;
import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.NewWeatherSignal;
import hk.lantau.attendance.Punches;
import hk.lantau.attendance.SettingsChange;
import hk.lantau.attendance.WeatherSignal;
import hk.lantau.attendance.WeatherSignalType;
import hk.lantau.attendance.WeatherSignals;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Shell;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Typhoon and rainstorm signals: recording a period, ending one still up, the signals of the last
 * year with the work dates they exempted (and how many people each), and the report-for-duty rule.
 */
@Controller
@RequestMapping("/admin/attendance/weather")
class AdminWeatherPageController {

    private static final Duration SHOWN = Duration.ofDays(365);
    /** Exempt days are looked up for the most recent signals only: one records query each. */
    private static final int WITH_DAYS = 10;

    private final WeatherSignals signals;
    private final AttendancePolicy policy;
    private final Punches punches;
    private final PageMessages messages;
    private final Clock clock;

    AdminWeatherPageController(WeatherSignals signals, AttendancePolicy policy, Punches punches,
                               PageMessages messages, Clock clock) {
        this.signals = signals;
        this.policy = policy;
        this.punches = punches;
        this.messages = messages;
        this.clock = clock;
    }

    /** The record form as posted; times as typed in the organisation's zone. */
    record SignalForm(WeatherSignalType type, String startsAt, String endsAt, String note) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String done, @ModelAttribute("shell") Shell shell, Model model) {
        long tenantId = AdminAccess.manager();
        model.addAttribute("done", done);
        return page(model, tenantId, shell.zone(), new SignalForm(null, "", "", ""), null, FormErrors.NONE);
    }

    @PostMapping
    String record(@ModelAttribute SignalForm form, @ModelAttribute("shell") Shell shell,
                  HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            List<FieldViolation> bad = new ArrayList<>();
            Instant starts = instant(form.startsAt(), "startsAt", shell.zone(), bad);
            Instant ends = instant(form.endsAt(), "endsAt", shell.zone(), bad);
            AdminAccess.check("attendance.signal_time_invalid", bad);
            signals.record(tenantId, new NewWeatherSignal(form.type(), starts, ends, form.note()));
            return "redirect:/admin/attendance/weather?done=signal_recorded";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, shell.zone(), form, null,
                    FormErrors.of(e, messages, "type", "startsAt", "endsAt", "note"));
        }
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, @RequestParam(defaultValue = "") String endsAt,
               @ModelAttribute("shell") Shell shell, HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            List<FieldViolation> bad = new ArrayList<>();
            Instant ends = instant(endsAt, "endsAt", shell.zone(), bad);
            if (ends == null && bad.isEmpty()) {
                bad.add(new FieldViolation("endsAt", "attendance.signal_time_invalid", "Give when the signal was cancelled."));
            }
            AdminAccess.check("attendance.signal_time_invalid", bad);
            signals.end(tenantId, id, ends);
            return "redirect:/admin/attendance/weather?done=signal_ended";
        } catch (LantauException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            return page(model, tenantId, shell.zone(), new SignalForm(null, "", "", ""), null,
                    FormErrors.general(messages.problem(e)));
        }
    }

    @PostMapping("/settings")
    String settings(@RequestParam(defaultValue = "") String weatherReportHours, @ModelAttribute("shell") Shell shell,
                    HttpServletResponse response, Model model) {
        long tenantId = AdminAccess.manager();
        try {
            List<FieldViolation> bad = new ArrayList<>();
            Integer hours = AdminAccess.integer(weatherReportHours, "weatherReportHours",
                    "attendance.report_hours_invalid", bad);
            if (hours == null && bad.isEmpty()) {
                bad.add(new FieldViolation("weatherReportHours", "attendance.report_hours_invalid", "Give the hours."));
            }
            AdminAccess.check("attendance.report_hours_invalid", bad);
            policy.change(tenantId, new SettingsChange(null, null, hours));
            return "redirect:/admin/attendance/weather?done=settings_saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, shell.zone(), new SignalForm(null, "", "", ""), weatherReportHours,
                    FormErrors.of(e, messages, "weatherReportHours"));
        }
    }

    private String page(Model model, long tenantId, ZoneId zone, SignalForm form, String hours, FormErrors errors) {
        Instant now = clock.instant();
        List<WeatherSignal> recent = new ArrayList<>(signals.list(tenantId, now.minus(SHOWN), now.plus(Duration.ofDays(1))));
        recent.sort((a, b) -> b.startsAt().compareTo(a.startsAt()));
        Map<Long, Map<LocalDate, Long>> exempt = new LinkedHashMap<>();
        recent.stream().limit(WITH_DAYS).forEach(s -> exempt.put(s.id(), exemptDays(tenantId, s, zone, now)));
        model.addAttribute("signals", recent);
        model.addAttribute("exempt", exempt);
        model.addAttribute("types", WeatherSignalType.values());
        model.addAttribute("form", form);
        model.addAttribute("hours", hours == null ? String.valueOf(policy.settings(tenantId).weatherReportHours()) : hours);
        model.addAttribute("errors", errors);
        return "attendance/admin-weather";
    }

    /** The work dates around the signal with weather-exempt records, and how many people each. */
    private Map<LocalDate, Long> exemptDays(long tenantId, WeatherSignal signal, ZoneId zone, Instant now) {
        LocalDate from = signal.startsAt().atZone(zone).toLocalDate().minusDays(1);
        Instant end = signal.endsAt() == null ? now : signal.endsAt();
        LocalDate to = end.atZone(zone).toLocalDate().plusDays(1);
        if (to.isAfter(from.plusDays(31))) {
            to = from.plusDays(31);
        }
        List<AttendanceRecord> records = punches.records(tenantId, null, from, to);
        return records.stream().filter(r -> AttendanceRecord.WEATHER_EXEMPT.equals(r.exemption()))
                .collect(Collectors.groupingBy(AttendanceRecord::workDate, TreeMap::new,
                        Collectors.mapping(AttendanceRecord::userId, Collectors.collectingAndThen(
                                Collectors.toSet(), set -> (long) set.size()))));
    }

    private static Instant instant(String text, String field, ZoneId zone, List<FieldViolation> bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            bad.add(new FieldViolation(field, "attendance.signal_time_invalid", "Give a date and time."));
            return null;
        }
    }
}
