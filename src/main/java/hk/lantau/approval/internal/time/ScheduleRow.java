package hk.lantau.approval.internal.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A stored digest schedule. */
record ScheduleRow(long id, long tenantId, Set<DayOfWeek> days, LocalTime time, boolean enabled,
                   Instant lastOccurrence, Instant createdAt) {

    static Set<DayOfWeek> parseDays(String stored) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(n -> days.add(DayOfWeek.of(Integer.parseInt(n))));
        return days;
    }

    static String formatDays(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
    }
}
