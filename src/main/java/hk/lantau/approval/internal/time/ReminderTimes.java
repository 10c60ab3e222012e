package hk.lantau.approval.internal.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Which instants a weekly schedule names in an organisation's zone. A local time that a clock
 * change skips is read as the first instant after the gap (Java's rule for {@code atZone}); one
 * that happens twice is its first, so a schedule fires once either way.
 */
final class ReminderTimes {

    private ReminderTimes() {
    }

    /** The latest occurrence at or before {@code now}, looking back a week. */
    static Optional<Instant> latestAtOrBefore(Set<DayOfWeek> days, LocalTime time, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int back = 0; back <= 7; back++) {
            LocalDate date = today.minusDays(back);
            if (days.contains(date.getDayOfWeek())) {
                Instant at = ZonedDateTime.of(date, time, zone).toInstant();
                if (!at.isAfter(now)) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }

    /** The first occurrence after {@code now}. */
    static Optional<Instant> nextAfter(Set<DayOfWeek> days, LocalTime time, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int ahead = 0; ahead <= 8; ahead++) {
            LocalDate date = today.plusDays(ahead);
            if (days.contains(date.getDayOfWeek())) {
                Instant at = ZonedDateTime.of(date, time, zone).toInstant();
                if (at.isAfter(now)) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }
}
