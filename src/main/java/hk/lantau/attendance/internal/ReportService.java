package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceReports;
import hk.lantau.attendance.DepartmentFigures;
import hk.lantau.attendance.DepartmentReport;
import hk.lantau.attendance.Figures;
import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.PeopleReport;
import hk.lantau.attendance.PersonFigures;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.Departments;
import hk.lantau.directory.PersonSummary;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import hk.lantau.tenant.Organisations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ReportService implements AttendanceReports {

    static final int MAX_DAYS = 31;

    private final ReportRepository reports;
    private final Audiences audiences;
    private final Departments departments;
    private final ApprovedTimeRepository approvedTime;
    private final Organisations organisations;

    ReportService(ReportRepository reports, Audiences audiences, Departments departments,
                  ApprovedTimeRepository approvedTime, Organisations organisations) {
        this.reports = reports;
        this.audiences = audiences;
        this.departments = departments;
        this.approvedTime = approvedTime;
        this.organisations = organisations;
    }

    @Override
    @Transactional(readOnly = true)
    public PeopleReport people(long tenantId, LocalDate from, LocalDate to) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return compute(tenantId, from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public DepartmentReport departments(long tenantId, LocalDate from, LocalDate to, boolean includeSubDepartments) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        PeopleReport people = compute(tenantId, from, to);
        DepartmentNode root = departments.tree(tenantId);
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        walk(root, null, parents, names);
        Map<Long, Figures> sums = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        for (PersonFigures person : people.people()) {
            Set<Long> counted = new LinkedHashSet<>();
            for (Long department : person.departmentIds()) {
                for (Long d = department; d != null && counted.add(d); d = includeSubDepartments ? parents.get(d) : null) {
                    sums.merge(d, person.figures(), Figures::plus);
                    counts.merge(d, 1, Integer::sum);
                }
            }
        }
        List<DepartmentFigures> rows = new ArrayList<>();
        names.forEach((id, name) -> {
            if (counts.containsKey(id)) {
                rows.add(new DepartmentFigures(id, name, counts.get(id), sums.get(id)));
            }
        });
        return new DepartmentReport(from, to, includeSubDepartments, rows);
    }

    /** The report without a permission check, for the export and the scheduled push. */
    PeopleReport compute(long tenantId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return withApprovedTime(tenantId, from, to, reports.figures(tenantId, from, to));
    }

    /** One person's figures as the people report counts them; zero when they have no records. */
    Figures figuresOf(long tenantId, String userId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return withApprovedTime(tenantId, from, to, reports.figuresOf(tenantId, userId, from, to)).people().stream()
                .findFirst().map(PersonFigures::figures).orElse(new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private PeopleReport withApprovedTime(long tenantId, LocalDate from, LocalDate to, Map<String, Figures> figures) {
        ZoneId zone = organisations.get(tenantId).timeZone();
        Map<String, Integer> leaveDays = leaveDays(tenantId, figures.keySet(), from, to, zone);
        Map<String, Double> overtime = overtimeHours(tenantId, figures.keySet(), from, to, zone);
        Map<String, PersonSummary> summaries = audiences.summaries(tenantId, figures.keySet());
        List<PersonFigures> people = new ArrayList<>(figures.size());
        figures.forEach((userId, f) -> {
            PersonSummary s = summaries.get(userId);
            people.add(new PersonFigures(userId, s == null ? null : s.name(), s == null ? null : s.jobNumber(),
                    s == null ? List.of() : s.departmentIds(), f.withApprovedTime(leaveDays.getOrDefault(userId, 0),
                    overtime.getOrDefault(userId, 0.0))));
        });
        return new PeopleReport(from, to, people);
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw LantauException.invalid("attendance.report_period_invalid",
                    "A report covers 1 to " + MAX_DAYS + " work dates, from a date to a later or equal one.");
        }
    }

    /** Dates of the period, in the organisation's zone, that approved leave touches: one bulk read. */
    private Map<String, Integer> leaveDays(long tenantId, Set<String> userIds, LocalDate from, LocalDate to,
                                           ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Set<LocalDate>> dates = new HashMap<>();
        for (ApprovedPeriod p : approvedTime.overlapping(tenantId, ApprovedPeriod.Kind.LEAVE, userIds, start, end)) {
            LocalDate first = LocalDate.ofInstant(p.startsAt().isBefore(start) ? start : p.startsAt(), zone);
            // The period ends before endsAt, so its last date is that of the instant just before.
            LocalDate last = LocalDate.ofInstant((p.endsAt().isAfter(end) ? end : p.endsAt()).minusNanos(1), zone);
            Set<LocalDate> own = dates.computeIfAbsent(p.userId(), u -> new HashSet<>());
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                own.add(d);
            }
        }
        Map<String, Integer> days = new HashMap<>();
        dates.forEach((userId, set) -> days.put(userId, set.size()));
        return days;
    }

    /** Approved overtime hours counted on their work dates within the period. */
    private Map<String, Double> overtimeHours(long tenantId, Set<String> userIds, LocalDate from, LocalDate to,
                                              ZoneId zone) {
        Instant start = from.minusDays(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(2).atStartOfDay(zone).toInstant();
        Map<String, Double> hours = new HashMap<>();
        for (ApprovedPeriod p : approvedTime.overlapping(tenantId, ApprovedPeriod.Kind.OVERTIME, userIds, start, end)) {
            if (p.hours() != null && !p.workDate().isBefore(from) && !p.workDate().isAfter(to)) {
                hours.merge(p.userId(), p.hours().doubleValue(), Double::sum);
            }
        }
        return hours;
    }

    private static void walk(DepartmentNode node, Long parent, Map<Long, Long> parents, Map<Long, String> names) {
        long id = node.department().id();
        names.put(id, node.department().name());
        if (parent != null) {
            parents.put(id, parent);
        }
        for (DepartmentNode child : node.children()) {
            walk(child, id, parents, names);
        }
    }
}
