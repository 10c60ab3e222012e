package hk.lantau.approval;

import java.util.List;

/**
 * A digest schedule as an admin writes it.
 *
 * @param daysOfWeek English day names such as {@code SATURDAY}, at least one
 * @param time       the local time, {@code HH:mm} in 24 hours
 * @param enabled    {@code false} keeps the schedule without sending (default {@code true})
 */
public record ReminderSchedule(List<String> daysOfWeek, String time, Boolean enabled) {

    public ReminderSchedule {
        daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
    }
}
