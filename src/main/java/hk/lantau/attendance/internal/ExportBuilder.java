package hk.lantau.attendance.internal;

import hk.lantau.attendance.ExportColumn;
import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFile;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.ExportProfile;
import hk.lantau.attendance.PeopleReport;
import hk.lantau.attendance.PersonFigures;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.Departments;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Builds an export file from the report, the profile and the payroll codes; checks no permission. */
@Component
class ExportBuilder {

    private final ReportService reports;
    private final ExportProfileRepository profiles;
    private final PayrollCodeRepository codes;
    private final Departments departments;
    private final Organisations organisations;
    private final Clock clock;

    ExportBuilder(ReportService reports, ExportProfileRepository profiles, PayrollCodeRepository codes,
                  Departments departments, Organisations organisations, Clock clock) {
        this.reports = reports;
        this.profiles = profiles;
        this.codes = codes;
        this.departments = departments;
        this.organisations = organisations;
        this.clock = clock;
    }

    ExportFile build(long tenantId, LocalDate from, LocalDate to, ExportFormat format, ExportEncoding encoding) {
        PeopleReport report = reports.compute(tenantId, from, to);
        ExportProfile profile = profiles.find(tenantId);
        Map<String, String> payroll = codes.all(tenantId);
        Map<Long, String> departmentNames = new HashMap<>();
        names(departments.tree(tenantId), departmentNames);
        ZoneId zone = organisations.get(tenantId).timeZone();
        Instant now = clock.instant();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(profile.dateFormat());
        DateTimeFormatter dateTimes = DateTimeFormatter.ofPattern(profile.dateTimeFormat());
        List<String> keys = profile.columns().stream().map(ExportColumn::key).toList();
        List<Object[]> rows = new ArrayList<>(report.people().size());
        List<String> userIds = new ArrayList<>(report.people().size());
        for (PersonFigures person : report.people()) {
            String deps = person.departmentIds().stream().map(departmentNames::get).filter(n -> n != null)
                    .collect(Collectors.joining("; "));
            var row = new ExportCatalogue.Row(person, payroll.get(person.userId()), deps, from, to, now, zone, dates,
                    dateTimes);
            rows.add(keys.stream().map(k -> ExportCatalogue.value(k, row)).toArray());
            userIds.add(person.userId());
        }
        var table = new ExportWriter.Table(keys, profile.columns().stream().map(ExportColumn::label).toList(), rows,
                userIds);
        byte[] content = ExportWriter.write(table, format, encoding);
        String contentType = format == ExportFormat.CSV
                ? format.contentType() + "; charset=" + encoding.charset().name()
                : format.contentType();
        return new ExportFile(fileName("attendance-{period}.{ext}", from, to, format), contentType, content);
    }

    /**
     * Fills a file name pattern: {@code {period}} is the month ({@code 2026-11}) when the period is
     * a whole month, else {@code from_to}; also {@code {from}}, {@code {to}}, {@code {month}} (the
     * month of from) and {@code {ext}}.
     */
    static String fileName(String pattern, LocalDate from, LocalDate to, ExportFormat format) {
        YearMonth month = YearMonth.from(from);
        boolean wholeMonth = from.equals(month.atDay(1)) && to.equals(month.atEndOfMonth());
        String period = wholeMonth ? month.toString() : from + "_" + to;
        return pattern.replace("{period}", period).replace("{from}", from.toString()).replace("{to}", to.toString())
                .replace("{month}", month.toString()).replace("{ext}", format.extension());
    }

    private static void names(DepartmentNode node, Map<Long, String> names) {
        names.put(node.department().id(), node.department().name());
        node.children().forEach(child -> names(child, names));
    }
}
