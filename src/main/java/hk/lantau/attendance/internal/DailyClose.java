package hk.lantau.attendance.internal;

import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.DayClosed;
import hk.lantau.attendance.LeaveCalendar;
import hk.lantau.attendance.LocationResult;
import hk.lantau.attendance.Shift;
import hk.lantau.attendance.SourceType;
import hk.lantau.attendance.TimeResult;
import hk.lantau.attendance.WeatherSignal;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Closes each organisation's work dates once every group's punch window for the date has ended,
 * in the organisation's zone: a member who should have worked (a working day of their shift, not a
 * holiday, in a group that existed before the shift began) and has no on-duty or off-duty record
 * gets one marked NotSigned, or both marked Absenteeism when they have neither. A check inside
 * approved leave is recorded instead as the leave's (source APPROVE, naming the approval). Runs on one node at a time; each date is closed once, recorded in {@code att_close} in
 * the same transaction as its marks. Looks back three days, so a missed run catches up.
 */
@Component
public class DailyClose {

    private static final Logger log = LoggerFactory.getLogger(DailyClose.class);
    static final int LOOK_BACK_DAYS = 3;

    private final Organisations organisations;
    private final GroupRepository groups;
    private final ShiftRepository shifts;
    private final HolidayRepository holidays;
    private final RecordRepository records;
    private final WeatherRepository weather;
    private final PolicyRepository policies;
    private final Members members;
    private final CloseRepository closes;
    private final List<LeaveCalendar> leave;
    private final ApplicationEventPublisher events;
    private final TransactionOperations tx;
    private final Clock clock;

    DailyClose(Organisations organisations, GroupRepository groups, ShiftRepository shifts, HolidayRepository holidays,
               RecordRepository records, WeatherRepository weather, PolicyRepository policies, Members members,
               CloseRepository closes, List<LeaveCalendar> leave, ApplicationEventPublisher events,
               TransactionOperations tx, Clock clock) {
        this.organisations = organisations;
        this.groups = groups;
        this.shifts = shifts;
        this.holidays = holidays;
        this.records = records;
        this.weather = weather;
        this.policies = policies;
        this.members = members;
        this.closes = closes;
        this.leave = List.copyOf(leave);
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.attendance.close-cron:0 */15 * * * *}", zone = "UTC")
    @SchedulerLock(name = "attendance.daily-close", lockAtMostFor = "PT30M")
    public void run() {
        int closed = 0;
        for (Organisation org : organisations.list()) {
            if (org.status() == Organisation.Status.ACTIVE) {
                closed += closeDue(org.id());
            }
        }
        if (closed > 0) {
            log.info("Attendance closed {} work dates", closed);
        }
    }

    /** Closes the organisation's due work dates, each in its own transaction; returns how many. */
    int closeDue(long tenantId) {
        var groupRows = groups.list(tenantId);
        if (groupRows.isEmpty()) {
            return 0;
        }
        ZoneId zone = organisations.get(tenantId).timeZone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<Long, Shift> shiftsById = new HashMap<>();
        shifts.list(tenantId).forEach(s -> shiftsById.put(s.id(), s));
        int closed = 0;
        for (LocalDate day = today.minusDays(LOOK_BACK_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            LocalDate date = day;
            boolean windowsEnded = groupRows.stream().allMatch(g ->
                    !now.isBefore(ShiftTimes.of(shiftsById.get(g.shiftId()), date, zone).windowEnd()));
            if (windowsEnded && !closes.isClosed(tenantId, date)) {
                Boolean done = tx.execute(status -> close(tenantId, date, zone, shiftsById));
                closed += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        }
        return closed;
    }

    private boolean close(long tenantId, LocalDate day, ZoneId zone, Map<Long, Shift> shiftsById) {
        Instant now = clock.instant();
        if (!closes.claim(tenantId, day, now)) {
            return false;
        }
        int marked = 0;
        if (!holidays.exists(tenantId, day)) {
            Map<Long, GroupRepository.GroupRow> groupsById = new HashMap<>();
            groups.list(tenantId).forEach(g -> groupsById.put(g.id(), g));
            Map<String, Long> memberGroups = members.activeMembers(tenantId);
            Map<String, List<ApprovedPeriod>> onLeave = new HashMap<>();
            Instant dayStart = day.atStartOfDay(zone).toInstant().minus(Duration.ofDays(1));
            Instant dayEnd = day.plusDays(2).atStartOfDay(zone).toInstant();
            for (LeaveCalendar calendar : leave) {
                calendar.leave(tenantId, memberGroups.keySet(), dayStart, dayEnd)
                        .forEach((userId, periods) -> onLeave.computeIfAbsent(userId, k -> new ArrayList<>())
                                .addAll(periods));
            }
            Map<String, Set<CheckType>> present = records.checkTypesOn(tenantId, day);
            int hours = policies.settings(tenantId).weatherReportHours();
            List<WeatherSignal> signals = weather.between(tenantId,
                    day.atStartOfDay(zone).toInstant().minus(Duration.ofDays(2)),
                    day.plusDays(2).atStartOfDay(zone).toInstant());
            for (var member : memberGroups.entrySet()) {
                GroupRepository.GroupRow group = groupsById.get(member.getValue());
                Shift shift = shiftsById.get(group.shiftId());
                ShiftTimes times = ShiftTimes.of(shift, day, zone);
                if (!shift.workingDays().contains(day.getDayOfWeek()) || !group.createdAt().isBefore(times.on())) {
                    continue;
                }
                List<ApprovedPeriod> periods = onLeave.getOrDefault(member.getKey(), List.of());
                Map<CheckType, ApprovedPeriod> excused = new EnumMap<>(CheckType.class);
                covering(periods, times.on(), true).ifPresent(p -> excused.put(CheckType.ON_DUTY, p));
                covering(periods, times.off(), false).ifPresent(p -> excused.put(CheckType.OFF_DUTY, p));
                Set<CheckType> has = present.getOrDefault(member.getKey(), Set.of());
                TimeResult missing = has.isEmpty() && excused.isEmpty() ? TimeResult.ABSENTEEISM : TimeResult.NOT_SIGNED;
                String exemption = WeatherRule.anyCovers(signals, times.on(), times.off(), hours)
                        ? AttendanceRecord.WEATHER_EXEMPT : null;
                for (CheckType check : CheckType.values()) {
                    if (has.contains(check)) {
                        continue;
                    }
                    ApprovedPeriod leaveOf = excused.get(check);
                    Instant plan = check == CheckType.ON_DUTY ? times.on() : times.off();
                    records.insert(tenantId, new RecordRepository.Row(member.getKey(), day, check, group.id(),
                            shift.id(), times.on(), times.off(), plan, null,
                            leaveOf == null ? missing : TimeResult.NORMAL, LocationResult.NOT_SIGNED,
                            leaveOf == null ? exemption : null, leaveOf == null ? SourceType.SYSTEM : SourceType.APPROVE,
                            null, null, null, null, null, null, false, null,
                            leaveOf == null ? "system:attendance.daily-close" : "system:attendance.leave",
                            leaveOf == null ? null : leaveOf.instanceId(), leaveOf == null ? null : leaveOf.id()), now);
                    if (leaveOf == null) {
                        marked++;
                    }
                }
            }
        }
        closes.finish(tenantId, day, marked);
        events.publishEvent(new DayClosed(tenantId, day, marked));
        return true;
    }

    /**
     * The leave holding a check time: an on-duty time from a period's start up to its end, an
     * off-duty time after its start up to its end, so a morning's leave excuses only the on-duty check.
     */
    private static Optional<ApprovedPeriod> covering(List<ApprovedPeriod> periods, Instant at, boolean onDuty) {
        return periods.stream().filter(p -> onDuty
                ? !at.isBefore(p.startsAt()) && at.isBefore(p.endsAt())
                : at.isAfter(p.startsAt()) && !at.isAfter(p.endsAt())).findFirst();
    }
}
