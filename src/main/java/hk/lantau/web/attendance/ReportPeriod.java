package hk.lantau.web.attendance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The period a report or export page asks for: a month (yyyy-MM) or a day (yyyy-MM-dd). */
record ReportPeriod(String month, String date, LocalDate from, LocalDate to) {

    /** The day when one is given and readable, else the month, else the current month; null when unreadable. */
    static ReportPeriod of(String month, String date, LocalDate today) {
        try {
            if (date != null && !date.isBlank()) {
                LocalDate day = LocalDate.parse(date.strip());
                return new ReportPeriod("", day.toString(), day, day);
            }
            YearMonth ym = month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month.strip());
            return new ReportPeriod(ym.toString(), "", ym.atDay(1), ym.atEndOfMonth());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean daily() {
        return !date.isEmpty();
    }
}
