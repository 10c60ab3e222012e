package hk.lantau.web.shell;

import hk.lantau.web.Languages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people read them, in their organisation's zone and their language. Templates
 * reach it as the bean named {@code times}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter ZH_DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter EN_SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_SHORT_DATE = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter EN_LONG_DATE =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_LONG_DATE =
            DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE", Locale.forLanguageTag("zh-HK"));

    public String dateTime(Instant at, ZoneId zone) {
        return at == null ? "" : (chinese() ? ZH_DATE_TIME : EN_DATE_TIME).format(at.atZone(zone));
    }

    public String dateTimeSeconds(Instant at, ZoneId zone) {
        return at == null ? "" : (chinese() ? ZH_DATE_TIME_SECONDS : EN_DATE_TIME_SECONDS).format(at.atZone(zone));
    }

    /** The time of day, such as 09:45, the same in both languages. */
    public String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** A day without its year, such as 21 Nov, for lists where the year is plain from the context. */
    public String shortDate(Instant at, ZoneId zone) {
        return at == null ? "" : (chinese() ? ZH_SHORT_DATE : EN_SHORT_DATE).format(at.atZone(zone));
    }

    /** The calendar day an instant falls on in the zone. */
    public String day(Instant at, ZoneId zone) {
        return at == null ? "" : date(at.atZone(zone).toLocalDate());
    }

    public String date(LocalDate date) {
        return date == null ? "" : (chinese() ? ZH_DATE : EN_DATE).format(date);
    }

    /** The day in the zone with its weekday, such as Friday 21 November 2025. */
    public String longDate(Instant at, ZoneId zone) {
        return at == null ? "" : (chinese() ? ZH_LONG_DATE : EN_LONG_DATE).format(at.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant at, ZoneId zone) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).withNano(0));
    }

    private static boolean chinese() {
        return Languages.supported(LocaleContextHolder.getLocale()).equals(Languages.TRADITIONAL_CHINESE);
    }
}
