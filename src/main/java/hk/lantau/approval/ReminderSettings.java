package hk.lantau.approval;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

/** An organisation's digest schedules and the time zone they are read in. */
public record ReminderSettings(String timeZone, List<Schedule> schedules) {

    public ReminderSettings {
        schedules = List.copyOf(schedules);
    }

    /**
     * @param nextAt       the instant the next digest goes out, {@code null} when disabled
     * @param lastSentAt   the occurrence the last digest was sent for, {@code null} before the first
     */
    public record Schedule(List<DayOfWeek> daysOfWeek, String time, boolean enabled, Instant nextAt,
                           Instant lastSentAt) {

        public Schedule {
            daysOfWeek = List.copyOf(daysOfWeek);
        }
    }
}
