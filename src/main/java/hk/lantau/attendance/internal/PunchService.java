package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.LocationResult;
import hk.lantau.attendance.OutsidePolicy;
import hk.lantau.attendance.Place;
import hk.lantau.attendance.Punch;
import hk.lantau.attendance.PunchRecorded;
import hk.lantau.attendance.Punches;
import hk.lantau.attendance.Shift;
import hk.lantau.attendance.SourceType;
import hk.lantau.attendance.WifiNetwork;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PunchService implements Punches {

    private static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_DAYS = 62;

    private final RecordRepository records;
    private final GroupService groups;
    private final ShiftRepository shifts;
    private final PlaceRepository places;
    private final Judging judging;
    private final PolicyService policy;
    private final Directory directory;
    private final Organisations organisations;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PunchService(RecordRepository records, GroupService groups, ShiftRepository shifts, PlaceRepository places,
                 Judging judging, PolicyService policy, Directory directory, Organisations organisations, Audit audit,
                 ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.groups = groups;
        this.shifts = shifts;
        this.places = places;
        this.judging = judging;
        this.policy = policy;
        this.directory = directory;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AttendanceRecord punch(long tenantId, Punch punch) {
        Actor actor = CurrentActor.get();
        DirectoryUser person = whoFor(tenantId, actor, punch.userId());
        checkLocation(punch);
        policy.requireAcknowledged(tenantId, person.userId());
        AttendanceGroup group = groups.resolve(tenantId, person).flatMap(id -> groups.find(tenantId, id))
                .orElseThrow(() -> LantauException.conflict("attendance.no_group",
                        "This person is in no attendance group; an admin adds them to one first."));
        Instant now = clock.instant();
        records.lastPunch(tenantId, person.userId())
                .filter(last -> Duration.between(last, now).abs().compareTo(DUPLICATE_WINDOW) < 0)
                .ifPresent(last -> {
                    throw LantauException.conflict("attendance.duplicate_punch",
                            "A punch was recorded less than a minute ago.");
                });
        Located located = locate(tenantId, group, punch);
        String reason = null;
        if (located.result() == LocationResult.OUTSIDE) {
            if (group.outsidePolicy() == OutsidePolicy.REFUSE) {
                throw LantauException.conflict("attendance.outside_fence",
                        "You are outside the places of your attendance group; clock in there.");
            }
            reason = punch.outsideReason() == null ? "" : punch.outsideReason().strip();
            if (reason.isEmpty() || reason.length() > 500) {
                throw LantauException.invalidField("outsideReason", "attendance.outside_reason_required",
                        "You are outside your group's places: give a reason of up to 500 characters.");
            }
        }
        boolean poor = punch.latitude() != null
                && (punch.accuracy() == null || punch.accuracy() > group.accuracyLimitMeters());

        Shift shift = shifts.find(tenantId, group.shiftId()).orElseThrow();
        ZoneId zone = organisations.get(tenantId).timeZone();
        LocalDate workDate = ShiftTimes.workDate(shift, now, zone);
        ShiftTimes times = judging.times(tenantId, shift, workDate, zone);
        Map<CheckType, AttendanceRecord> day = records.ofDay(tenantId, person.userId(), workDate);
        CheckType check = !day.containsKey(CheckType.ON_DUTY) && (times == null || now.isBefore(times.off()))
                ? CheckType.ON_DUTY : CheckType.OFF_DUTY;
        AttendanceRecord onDuty = day.get(CheckType.ON_DUTY);
        Judging.Judgement judged = judging.judge(tenantId, shift, times, check, now,
                onDuty == null ? null : onDuty.userTime());
        SourceType source = actor.kind() == ActorKind.APP ? SourceType.ATM : SourceType.USER;
        var row = new RecordRepository.Row(person.userId(), workDate, check, group.id(), shift.id(),
                judged.shiftOn(), judged.shiftOff(), judged.planTime(), now.truncatedTo(ChronoUnit.SECONDS),
                judged.result(), located.result(), judged.exemption(), source, located.placeId(),
                punch.latitude(), punch.longitude(), punch.accuracy(), blankToNull(punch.ssid()),
                bssid(punch.bssid()), poor, reason, actor.reference(), null, null);
        long id;
        AttendanceRecord replaced = day.get(check);
        if (replaced != null) {
            records.replace(tenantId, replaced.id(), row, now);
            id = replaced.id();
        } else {
            id = records.insert(tenantId, row, now);
        }
        if (actor.kind() == ActorKind.APP) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("workDate", workDate.toString());
            changes.put("checkType", check.wire());
            changes.put("app", actor.userId());
            audit.record(tenantId, "attendance.punch.recorded_for_person", "user", person.userId(), changes);
        }
        events.publishEvent(new PunchRecorded(tenantId, id, person.userId(), workDate, check, judged.result(),
                located.result(), source, row.userTime()));
        // A new row is exactly what was bound; a replaced one keeps columns a punch does not set.
        return replaced == null ? row.toRecord(id) : records.find(tenantId, id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttendanceRecord> mine(long tenantId, LocalDate from, LocalDate to) {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER) {
            throw LantauException.forbidden("attendance.people_only", "Only a person has their own attendance.");
        }
        checkRange(from, to);
        return records.list(tenantId, actor.userId(), from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttendanceRecord> records(long tenantId, String userId, LocalDate from, LocalDate to) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        checkRange(from, to);
        if (userId != null && directory.findUser(tenantId, userId).isEmpty()) {
            throw LantauException.notFound("attendance.user_not_found", "No such person.");
        }
        if (userId == null && ChronoUnit.DAYS.between(from, to) > 31) {
            throw LantauException.invalid("attendance.range_invalid",
                    "Everyone's records are read at most 31 days at a time.");
        }
        return records.list(tenantId, userId, from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttendanceRecord> recordsOf(long tenantId, List<String> userIds, LocalDate from, LocalDate to) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        checkRange(from, to);
        if (ChronoUnit.DAYS.between(from, to) > 31 || userIds.size() > 100) {
            throw LantauException.invalid("attendance.range_invalid",
                    "Read up to 100 people's records at most 31 days at a time.");
        }
        for (String userId : userIds) {
            if (directory.findUser(tenantId, userId).isEmpty()) {
                throw LantauException.notFound("attendance.user_not_found", "No such person.");
            }
        }
        return records.listOf(tenantId, userIds, from, to);
    }

    /** A person punches for themselves; an app with attendance.write for a named active person. */
    private DirectoryUser whoFor(long tenantId, Actor actor, String userId) {
        if (actor.kind() == ActorKind.USER) {
            if (userId != null && !userId.equals(actor.userId())) {
                throw LantauException.forbidden("attendance.other_person",
                        "People clock in only for themselves.");
            }
            return directory.findUser(tenantId, actor.userId()).filter(DirectoryUser::active).orElseThrow(
                    () -> LantauException.forbidden("attendance.people_only", "Only an active person clocks in."));
        }
        if (actor.kind() != ActorKind.APP || !actor.can(Permission.ATTENDANCE_MANAGE)) {
            throw LantauException.forbidden("attendance.people_only", "Only people and apps with attendance.write clock in.");
        }
        if (userId == null || userId.isBlank()) {
            throw LantauException.invalidField("userId", "attendance.user_required", "Name the person to clock in.");
        }
        return directory.findUser(tenantId, userId).filter(DirectoryUser::active).orElseThrow(
                () -> LantauException.notFound("attendance.user_not_found", "No such active person."));
    }

    private static void checkLocation(Punch punch) {
        boolean hasPoint = punch.latitude() != null || punch.longitude() != null;
        if (!hasPoint && blankToNull(punch.ssid()) == null && blankToNull(punch.bssid()) == null) {
            throw LantauException.invalid("attendance.location_required",
                    "Send the location (latitude and longitude) or the Wi-Fi network you are on.");
        }
        if (hasPoint) {
            if (punch.latitude() == null || !(punch.latitude() >= -90 && punch.latitude() <= 90)) {
                throw LantauException.invalidField("latitude", "attendance.latitude_invalid",
                        "Give a latitude from -90 to 90 degrees.");
            }
            if (punch.longitude() == null || !(punch.longitude() >= -180 && punch.longitude() <= 180)) {
                throw LantauException.invalidField("longitude", "attendance.longitude_invalid",
                        "Give a longitude from -180 to 180 degrees.");
            }
        }
        if (punch.accuracy() != null && !(punch.accuracy() >= 0 && punch.accuracy() < 100_000)) {
            throw LantauException.invalidField("accuracy", "attendance.accuracy_invalid",
                    "Give the accuracy in metres, zero or more.");
        }
        if (punch.ssid() != null && punch.ssid().length() > 32 || punch.bssid() != null && punch.bssid().length() > 17) {
            throw LantauException.invalidField("ssid", "attendance.wifi_invalid", "That is not a Wi-Fi network.");
        }
    }

    private record Located(LocationResult result, Long placeId) {
    }

    /** Inside a place by Wi-Fi (BSSID, or SSID where the place names no BSSID) or by distance; else outside. */
    private Located locate(long tenantId, AttendanceGroup group, Punch punch) {
        List<Place> candidates = places.query(tenantId, group.placeIds());
        String bssid = bssid(punch.bssid());
        String ssid = blankToNull(punch.ssid());
        for (Place place : candidates) {
            for (WifiNetwork network : place.wifi()) {
                boolean match = network.bssid() != null ? network.bssid().equals(bssid)
                        : ssid != null && network.ssid().equals(ssid);
                if (match) {
                    return new Located(LocationResult.NORMAL, place.id());
                }
            }
        }
        if (punch.latitude() != null) {
            Place nearest = null;
            double best = Double.MAX_VALUE;
            for (Place place : candidates) {
                double distance = Geo.distanceMeters(punch.latitude(), punch.longitude(), place.latitude(),
                        place.longitude());
                if (distance <= place.radiusMeters() && distance < best) {
                    best = distance;
                    nearest = place;
                }
            }
            if (nearest != null) {
                return new Located(LocationResult.NORMAL, nearest.id());
            }
        }
        return new Located(LocationResult.OUTSIDE, null);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw LantauException.invalid("attendance.range_invalid",
                    "Give from and to dates, to not before from, at most 62 days apart.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String bssid(String value) {
        String clean = blankToNull(value);
        return clean == null ? null : clean.toLowerCase(Locale.ROOT);
    }
}
