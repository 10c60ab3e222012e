package hk.lantau.web.attendance;

import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.Holiday;
import hk.lantau.attendance.LocationResult;
import hk.lantau.attendance.MyMonth;
import hk.lantau.attendance.SourceType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A month laid out Monday to Sunday, each date with what happened on it as marks: a kind (which
 * gives the colour and the icon) and a message key with its argument, so the meaning never
 * rests on colour alone.
 */
public record MonthCalendar(List<List<Day>> weeks) {

    /** One date of the grid; dates of the months around are shown without marks. */
    public record Day(LocalDate date, boolean inMonth, boolean today, List<Mark> marks) {

        public String kind() {
            return marks.isEmpty() ? "none" : marks.get(0).kind();
        }
    }

    /** {@code kind} is one of normal, late, early, absent, missed, leave, holiday, exempt, outside, rest. */
    public record Mark(String kind, String key, Object argument) {
    }

    static MonthCalendar of(MyMonth month, LocalDate today) {
        Map<LocalDate, List<AttendanceRecord>> byDate = new TreeMap<>();
        month.records().forEach(r -> byDate.computeIfAbsent(r.workDate(), d -> new ArrayList<>()).add(r));
        LocalDate first = month.month().atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.month().atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> week = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                boolean inMonth = month.month().equals(YearMonth.from(date));
                week.add(new Day(date, inMonth, date.equals(today), inMonth
                        ? marks(month, date, byDate.getOrDefault(date, List.of())) : List.of()));
            }
            weeks.add(week);
        }
        return new MonthCalendar(weeks);
    }

    /** What a date shows, worst first: the records' results, then leave, holiday or rest day. */
    static List<Mark> marks(MyMonth month, LocalDate date, List<AttendanceRecord> records) {
        List<Mark> marks = new ArrayList<>();
        boolean exempt = false;
        for (AttendanceRecord r : records) {
            if (AttendanceRecord.WEATHER_EXEMPT.equals(r.exemption())) {
                exempt = true;
                continue;
            }
            if (r.sourceType() == SourceType.APPROVE) {
                continue;
            }
            switch (r.timeResult()) {
                case ABSENTEEISM -> add(marks, new Mark("absent", "attendance.mark.absent", null));
                case NOT_SIGNED -> add(marks, new Mark("missed", r.checkType() == CheckType.ON_DUTY
                        ? "attendance.mark.missed_in" : "attendance.mark.missed_out", null));
                case LATE, SERIOUS_LATE -> add(marks, new Mark("late", "attendance.mark.late", minutesLate(r)));
                case EARLY -> add(marks, new Mark("early", "attendance.mark.early", minutesEarly(r)));
                default -> {
                }
            }
            if (r.locationResult() == LocationResult.OUTSIDE) {
                add(marks, new Mark("outside", "attendance.mark.outside", null));
            }
        }
        if (exempt) {
            add(marks, new Mark("exempt", "attendance.mark.exempt", null));
        }
        if (onLeave(month.leave(), date, month.zone()) || records.stream().anyMatch(r -> r.sourceType() == SourceType.APPROVE)) {
            add(marks, new Mark("leave", "attendance.mark.leave", null));
        }
        Optional<Holiday> holiday = month.holidays().stream().filter(h -> h.date().equals(date)).findFirst();
        holiday.ifPresent(h -> marks.add(new Mark("holiday", "attendance.mark.holiday", h.name())));
        boolean punched = records.stream().anyMatch(r -> r.userTime() != null);
        if (marks.isEmpty() && punched) {
            marks.add(new Mark("normal", "attendance.mark.normal", null));
        }
        if (marks.isEmpty() && records.isEmpty() && month.shift() != null
                && !month.shift().workingDays().contains(date.getDayOfWeek())) {
            marks.add(new Mark("rest", "attendance.mark.rest", null));
        }
        return marks;
    }

    private static void add(List<Mark> marks, Mark mark) {
        if (marks.stream().noneMatch(m -> m.key().equals(mark.key()))) {
            marks.add(mark);
        }
    }

    static boolean onLeave(List<ApprovedPeriod> leave, LocalDate date, ZoneId zone) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        return leave.stream().anyMatch(p -> p.startsAt().isBefore(end) && p.endsAt().isAfter(start));
    }

    /** Whole minutes after the planned time, as the reports count them. */
    static long minutesLate(AttendanceRecord r) {
        return r.planTime() == null || r.userTime() == null ? 0
                : Duration.between(r.planTime().truncatedTo(ChronoUnit.MINUTES),
                        r.userTime().truncatedTo(ChronoUnit.MINUTES)).toMinutes();
    }

    static long minutesEarly(AttendanceRecord r) {
        return -minutesLate(r);
    }
}
