package hk.lantau.forms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * When a form's rounds open and when those who have not answered are reminded, in the
 * organisation's time zone. A round stays open until the next one opens (a once-form's until the
 * form is archived).
 *
 * @param date       for ONCE, the day of the round
 * @param daysOfWeek for WEEKLY, the days of the rounds
 * @param time       when a round opens (HH:mm)
 * @param reminders  up to three times later the same day to remind those who have not answered
 */
public record FormSchedule(ScheduleKind kind, LocalDate date, List<DayOfWeek> daysOfWeek, LocalTime time,
                           List<LocalTime> reminders) {

    public FormSchedule {
        daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }
}
