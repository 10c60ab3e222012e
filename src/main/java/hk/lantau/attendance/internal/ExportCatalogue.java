package hk.lantau.attendance.internal;

import hk.lantau.attendance.ExportColumn;
import hk.lantau.attendance.Figures;
import hk.lantau.attendance.PersonFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The columns an export profile may choose from, their default labels and how each cell is read. */
final class ExportCatalogue {

    /** What one row's cells are read from. */
    record Row(PersonFigures person, String payrollCode, String departments, LocalDate from, LocalDate to,
               Instant generatedAt, ZoneId zone, DateTimeFormatter dates, DateTimeFormatter dateTimes) {

        Figures f() {
            return person.figures();
        }
    }

    private record Column(String label, boolean inDefault, Function<Row, Object> value) {
    }

    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();

    static {
        add("payrollCode", "Payroll code", true, Row::payrollCode);
        add("userId", "User ID", true, r -> r.person().userId());
        add("name", "Name", true, r -> r.person().name());
        add("jobNumber", "Job number", false, r -> r.person().jobNumber());
        add("departments", "Departments", true, Row::departments);
        add("periodStart", "From", true, r -> r.dates().format(r.from()));
        add("periodEnd", "To", true, r -> r.dates().format(r.to()));
        add("daysWorked", "Days worked", true, r -> r.f().daysWorked());
        add("lateCount", "Late count", true, r -> r.f().lateCount());
        add("lateMinutes", "Late minutes", true, r -> r.f().lateMinutes());
        add("earlyLeaveCount", "Early leave count", true, r -> r.f().earlyLeaveCount());
        add("earlyLeaveMinutes", "Early leave minutes", true, r -> r.f().earlyLeaveMinutes());
        add("absenceDays", "Absence days", true, r -> r.f().absenceDays());
        add("missedPunches", "Missed punches", true, r -> r.f().missedPunches());
        add("leaveDays", "Leave days", true, r -> r.f().leaveDays());
        add("overtimeHours", "Overtime hours", true, r -> BigDecimal.valueOf(r.f().overtimeHours()));
        add("weatherExemptDays", "Weather-exempt days", true, r -> r.f().weatherExemptDays());
        add("generatedAt", "Generated at", false, r -> r.dateTimes().format(r.generatedAt().atZone(r.zone())));
    }

    private ExportCatalogue() {
    }

    private static void add(String key, String label, boolean inDefault, Function<Row, Object> value) {
        COLUMNS.put(key, new Column(label, inDefault, value));
    }

    static List<String> keys() {
        return List.copyOf(COLUMNS.keySet());
    }

    static boolean known(String key) {
        return COLUMNS.containsKey(key);
    }

    static List<ExportColumn> defaults() {
        return COLUMNS.entrySet().stream().filter(e -> e.getValue().inDefault())
                .map(e -> new ExportColumn(e.getKey(), e.getValue().label())).toList();
    }

    /** A cell: a String, a Number or null. */
    static Object value(String key, Row row) {
        return COLUMNS.get(key).value().apply(row);
    }
}
