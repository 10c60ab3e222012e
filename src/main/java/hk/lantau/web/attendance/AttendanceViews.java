package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.LocationResult;
import hk.lantau.attendance.TimeResult;
import hk.lantau.web.Languages;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import hk.lantau.web.shell.PageMessages;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Small formatting the attendance templates share; they reach it as the bean {@code attendanceViews}. */
@Component("attendanceViews")
public class AttendanceViews {

    private final PageMessages texts;

    AttendanceViews(PageMessages texts) {
        this.texts = texts;
    }

    /** A date's marks in words, for its label: "Late by 12 minutes, Outside". */
    public String words(List<MonthCalendar.Mark> marks) {
        return marks.stream().map(m -> texts.text(m.key(), m.argument())).collect(Collectors.joining(", "));
    }

    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

    /** A month as people name it, such as November 2026. */
    public String month(YearMonth month) {
        boolean chinese = Languages.supported(LocaleContextHolder.getLocale()).equals(Languages.TRADITIONAL_CHINESE);
        return (chinese ? ZH_MONTH : EN_MONTH).format(month);
    }

    /** Metres under a kilometre, kilometres to one place above. */
    public String distance(double meters) {
        return meters < 1000 ? Math.round(meters) + " m" : String.format(Locale.ROOT, "%.1f km", meters / 1000);
    }

    public long metres(Double value) {
        return value == null ? 0 : Math.round(value);
    }

    public long minutesLate(AttendanceRecord record) {
        return MonthCalendar.minutesLate(record);
    }

    public long minutesEarly(AttendanceRecord record) {
        return MonthCalendar.minutesEarly(record);
    }

    /** The colour family of a result: ok, warn or bad; an exempt record is info. */
    public String tone(AttendanceRecord record) {
        if (AttendanceRecord.WEATHER_EXEMPT.equals(record.exemption())) {
            return "info";
        }
        TimeResult result = record.timeResult();
        if (result == TimeResult.NORMAL) {
            return record.locationResult() == LocationResult.OUTSIDE ? "warn" : "ok";
        }
        return result == TimeResult.LATE || result == TimeResult.EARLY ? "warn" : "bad";
    }
}
