package hk.lantau.attendance.internal;

import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.Holiday;
import hk.lantau.attendance.MonitoringNotice;
import hk.lantau.attendance.MyAttendance;
import hk.lantau.attendance.MyDay;
import hk.lantau.attendance.MyMonth;
import hk.lantau.attendance.Place;
import hk.lantau.attendance.PlaceDistance;
import hk.lantau.attendance.Shift;
import hk.lantau.directory.Directory;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's own view of their attendance; reads only the caller's group, records and leave. */
@Service
class MyAttendanceService implements MyAttendance {

    private final GroupService groups;
    private final ShiftRepository shifts;
    private final PlaceRepository places;
    private final HolidayRepository holidays;
    private final RecordRepository records;
    private final ApprovedTimeRepository approvedTime;
    private final PolicyService policy;
    private final ReportService reports;
    private final Directory directory;
    private final Organisations organisations;
    private final Clock clock;

    MyAttendanceService(GroupService groups, ShiftRepository shifts, PlaceRepository places, HolidayRepository holidays,
                        RecordRepository records, ApprovedTimeRepository approvedTime, PolicyService policy,
                        ReportService reports, Directory directory, Organisations organisations, Clock clock) {
        this.groups = groups;
        this.shifts = shifts;
        this.places = places;
        this.holidays = holidays;
        this.records = records;
        this.approvedTime = approvedTime;
        this.policy = policy;
        this.reports = reports;
        this.directory = directory;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public MyDay today(long tenantId) {
        String userId = person().userId();
        ZoneId zone = organisations.get(tenantId).timeZone();
        Instant now = clock.instant();
        Optional<AttendanceGroup> group = group(tenantId, userId);
        Shift shift = group.flatMap(g -> shifts.find(tenantId, g.shiftId())).orElse(null);
        LocalDate workDate = shift == null ? now.atZone(zone).toLocalDate() : ShiftTimes.workDate(shift, now, zone);
        String holiday = holidays.list(tenantId, workDate, workDate).stream().map(Holiday::name).findFirst()
                .orElse(null);
        boolean working = shift != null && holiday == null && shift.workingDays().contains(workDate.getDayOfWeek());
        ShiftTimes times = working ? ShiftTimes.of(shift, workDate, zone) : null;
        List<Place> own = group.map(g -> withoutWifi(places.query(tenantId, g.placeIds()))).orElse(List.of());
        return new MyDay(workDate, zone, group.map(AttendanceGroup::name).orElse(null), shift,
                times == null ? null : times.on(), times == null ? null : times.off(), holiday,
                group.map(AttendanceGroup::outsidePolicy).orElse(null),
                group.map(AttendanceGroup::accuracyLimitMeters).orElse(0), own,
                records.list(tenantId, userId, workDate, workDate), notice(tenantId));
    }

    @Override
    @Transactional(readOnly = true)
    public MyMonth month(long tenantId, YearMonth month) {
        String userId = person().userId();
        ZoneId zone = organisations.get(tenantId).timeZone();
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<AttendanceRecord> own = records.list(tenantId, userId, from, to);
        Set<Long> placeIds = own.stream().map(AttendanceRecord::placeId).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        Map<Long, String> placeNames = new HashMap<>();
        places.query(tenantId, placeIds).forEach(p -> placeNames.put(p.id(), p.name()));
        List<ApprovedPeriod> leave = approvedTime.overlapping(tenantId, ApprovedPeriod.Kind.LEAVE, Set.of(userId),
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        Shift shift = group(tenantId, userId).flatMap(g -> shifts.find(tenantId, g.shiftId())).orElse(null);
        return new MyMonth(month, zone, own, holidays.list(tenantId, from, to), leave, placeNames, shift,
                reports.figuresOf(tenantId, userId, from, to));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlaceDistance> nearest(long tenantId, double latitude, double longitude) {
        String userId = person().userId();
        return group(tenantId, userId).stream()
                .flatMap(g -> withoutWifi(places.query(tenantId, g.placeIds())).stream())
                .map(p -> new PlaceDistance(p, Geo.distanceMeters(latitude, longitude, p.latitude(), p.longitude())))
                .min(Comparator.comparingDouble(PlaceDistance::meters));
    }

    private Optional<AttendanceGroup> group(long tenantId, String userId) {
        return directory.findUser(tenantId, userId).flatMap(user -> groups.resolve(tenantId, user))
                .flatMap(id -> groups.find(tenantId, id));
    }

    private MonitoringNotice notice(long tenantId) {
        return policy.current(tenantId).noticeText() == null ? null : policy.notice(tenantId);
    }

    private static List<Place> withoutWifi(List<Place> places) {
        return places.stream().map(p -> new Place(p.id(), p.name(), p.address(), p.latitude(), p.longitude(),
                p.radiusMeters(), List.of())).toList();
    }

    private static Actor person() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER || actor.userId() == null) {
            throw LantauException.forbidden("attendance.people_only", "Only a person has their own attendance.");
        }
        return actor;
    }
}
