package hk.lantau.attendance.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;

/**
 * Reads the days of an iCalendar file's events with ical4j: each VEVENT's DTSTART (and the days up
 * to its DTEND, exclusive, for events of several days) with its SUMMARY as the name. Times with a
 * zone are read as dates in the organisation's zone.
 */
final class ICalHolidays {

    static final int MAX_DAYS = 1000;

    private ICalHolidays() {
    }

    record Day(LocalDate date, String name) {
    }

    /** The days, in file order; throws {@link IllegalArgumentException} when the file cannot be read. */
    static List<Day> read(String text, ZoneId zone) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new IllegalArgumentException("Not an iCalendar file", e);
        }
        List<Day> days = new ArrayList<>();
        for (Component component : calendar.getComponents(Component.VEVENT)) {
            VEvent event = (VEvent) component;
            DtStart<Temporal> start = event.<Temporal>getStartDate()
                    .orElseThrow(() -> new IllegalArgumentException("An event has no DTSTART"));
            LocalDate first = date(start.getDate(), zone);
            LocalDate end = event.<Temporal>getEndDate(false).map(DtEnd::getDate).map(t -> date(t, zone))
                    .filter(d -> d.isAfter(first)).orElse(first.plusDays(1));
            Summary summary = event.getSummary();
            String name = summary == null || summary.getValue() == null || summary.getValue().isBlank()
                    ? "Holiday" : summary.getValue().strip();
            for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                if (days.size() >= MAX_DAYS) {
                    throw new IllegalArgumentException("More than " + MAX_DAYS + " days");
                }
                days.add(new Day(day, name.length() > 200 ? name.substring(0, 200) : name));
            }
        }
        return days;
    }

    private static LocalDate date(Temporal t, ZoneId zone) {
        if (t instanceof LocalDate d) {
            return d;
        }
        if (t instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone).toLocalDate();
        }
        if (t instanceof java.time.Instant i) {
            return i.atZone(zone).toLocalDate();
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDate();
        }
        return LocalDate.from(t);
    }
}
