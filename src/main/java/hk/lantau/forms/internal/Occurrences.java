package hk.lantau.forms.internal;

import hk.lantau.forms.FormSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** The days and instants a schedule opens rounds, in the organisation's zone. Pure arithmetic. */
final class Occurrences {

    private Occurrences() {
    }

    static boolean isRoundDay(FormSchedule s, LocalDate day, Set<LocalDate> holidays) {
        return switch (s.kind()) {
            case ONCE -> day.equals(s.date());
            case DAILY -> true;
            case WORKING_DAYS -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(day);
            case WEEKLY -> s.daysOfWeek().contains(day.getDayOfWeek());
        };
    }

    static Instant at(FormSchedule s, LocalDate day, ZoneId zone) {
        return day.atTime(s.time()).atZone(zone).toInstant();
    }

    /** The latest round day from {@code from} to {@code to} whose opening is at or before now. */
    static Optional<LocalDate> latest(FormSchedule s, LocalDate from, LocalDate to, ZoneId zone, Instant now,
                                      Set<LocalDate> holidays) {
        for (LocalDate day = to; !day.isBefore(from); day = day.minusDays(1)) {
            if (isRoundDay(s, day, holidays) && !at(s, day, zone).isAfter(now)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** The first round day from {@code from} to {@code to} whose opening is after {@code after}. */
    static Optional<LocalDate> next(FormSchedule s, LocalDate from, LocalDate to, ZoneId zone, Instant after,
                                    Set<LocalDate> holidays) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isRoundDay(s, day, holidays) && at(s, day, zone).isAfter(after)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
