package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.LocationResult;
import hk.lantau.attendance.SourceType;
import hk.lantau.attendance.TimeResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RecordRepository {

    private static final String COLUMNS = """
            id, userid, work_date, check_type, time_result, location_result, exemption, source_type, plan_time,
            user_time, group_id, shift_id, location_id, latitude, longitude, accuracy_m, ssid, bssid, accuracy_poor,
            outside_reason, location_dropped, proc_inst_id, approve_id""";

    private final JdbcClient jdbc;

    RecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new or replacing record holds. */
    record Row(String userId, LocalDate workDate, CheckType checkType, Long groupId, Long shiftId, Instant shiftOn,
               Instant shiftOff, Instant planTime, Instant userTime, TimeResult timeResult,
               LocationResult locationResult, String exemption, SourceType sourceType, Long locationId,
               Double latitude, Double longitude, Double accuracy, String ssid, String bssid, boolean accuracyPoor,
               String outsideReason, String recordedBy, String procInstId, Long approveId) {

        /** The record a fresh insert of this row reads back as, without reading it. */
        AttendanceRecord toRecord(long id) {
            return new AttendanceRecord(id, userId, workDate, checkType, timeResult, locationResult, exemption,
                    sourceType, planTime, userTime, groupId, shiftId, locationId, latitude, longitude, accuracy, ssid,
                    bssid, accuracyPoor, outsideReason, false, procInstId, approveId);
        }
    }

    long insert(long tenantId, Row r, Instant now) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into att_record (tenant_id, userid, work_date, check_type, group_id, shift_id, shift_on, shift_off,
                       plan_time, user_time, time_result, location_result, exemption, source_type, location_id, latitude,
                       longitude, accuracy_m, ssid, bssid, accuracy_poor, outside_reason, location_dropped, recorded_by,
                       proc_inst_id, approve_id, created_at, updated_at)
                values (:t, :u, :day, :check, :group, :shift, :shiftOn, :shiftOff, :plan, :userTime, :time, :location,
                       :exemption, :source, :place, :lat, :lon, :accuracy, :ssid, :bssid, :poor, :reason, false, :by,
                       :procInst, :approve, :now, :now)"""), tenantId, r, now)
                .param("procInst", r.procInstId()).param("approve", r.approveId()).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A later off-duty punch replaces the earlier one: only the latest point is kept. */
    void replace(long tenantId, long id, Row r, Instant now) {
        bind(jdbc.sql("""
                update att_record set group_id = :group, shift_id = :shift, shift_on = :shiftOn, shift_off = :shiftOff,
                       plan_time = :plan, user_time = :userTime, time_result = :time, location_result = :location,
                       exemption = :exemption, source_type = :source, location_id = :place, latitude = :lat,
                       longitude = :lon, accuracy_m = :accuracy, ssid = :ssid, bssid = :bssid, accuracy_poor = :poor,
                       outside_reason = :reason, location_dropped = false, recorded_by = :by, updated_at = :now
                 where tenant_id = :t and id = :id and userid = :u and work_date = :day and check_type = :check"""),
                tenantId, r, now).param("id", id).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long tenantId, Row r, Instant now) {
        return spec.param("t", tenantId).param("u", r.userId()).param("day", Sql.date(r.workDate()))
                .param("check", r.checkType().wire()).param("group", r.groupId()).param("shift", r.shiftId())
                .param("shiftOn", Sql.ts(r.shiftOn())).param("shiftOff", Sql.ts(r.shiftOff()))
                .param("plan", Sql.ts(r.planTime())).param("userTime", Sql.ts(r.userTime()))
                .param("time", r.timeResult().wire()).param("location", r.locationResult().wire())
                .param("exemption", r.exemption()).param("source", r.sourceType().name())
                .param("place", r.locationId()).param("lat", r.latitude()).param("lon", r.longitude())
                .param("accuracy", r.accuracy()).param("ssid", r.ssid()).param("bssid", r.bssid())
                .param("poor", r.accuracyPoor()).param("reason", r.outsideReason()).param("by", r.recordedBy())
                .param("now", Sql.ts(now));
    }

    Optional<AttendanceRecord> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from att_record where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(RecordRepository::map).optional();
    }

    /** The person's records of one work date, by check type. */
    Map<CheckType, AttendanceRecord> ofDay(long tenantId, String userId, LocalDate day) {
        Map<CheckType, AttendanceRecord> records = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from att_record where tenant_id = :t and userid = :u and work_date = :day")
                .param("t", tenantId).param("u", userId).param("day", Sql.date(day))
                .query(RecordRepository::map).list().forEach(r -> records.put(r.checkType(), r));
        return records;
    }

    /** Who has which check types recorded on a work date. */
    Map<String, Set<CheckType>> checkTypesOn(long tenantId, LocalDate day) {
        Map<String, Set<CheckType>> types = new HashMap<>();
        jdbc.sql("select userid, check_type from att_record where tenant_id = :t and work_date = :day")
                .param("t", tenantId).param("day", Sql.date(day))
                .query(rs -> {
                    types.computeIfAbsent(rs.getString("userid"), k -> new HashSet<>())
                            .add(CheckType.fromWire(rs.getString("check_type")));
                });
        return types;
    }

    /** Records of people among {@code userIds} for work dates from {@code from} to {@code to}. */
    List<AttendanceRecord> listOf(long tenantId, java.util.Collection<String> userIds, LocalDate from, LocalDate to) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from att_record where tenant_id = :t and userid in (:users)"
                        + " and work_date between :from and :to order by work_date, userid, check_type desc")
                .param("t", tenantId).param("users", List.copyOf(userIds)).param("from", Sql.date(from))
                .param("to", Sql.date(to)).query(RecordRepository::map).list();
    }

    /**
     * Turns the close's marks of shifts inside an approved leave into leave records: an on-duty
     * check planned from the start, an off-duty check planned up to the end. Returns how many.
     */
    int applyLeave(long tenantId, String userId, Instant start, Instant end, String instanceId, long approveId,
                   Instant now) {
        return jdbc.sql("""
                update att_record set time_result = 'Normal', source_type = 'APPROVE', exemption = null,
                       proc_inst_id = :instance, approve_id = :approve, recorded_by = 'system:attendance.leave',
                       updated_at = :now
                 where tenant_id = :t and userid = :u and source_type = 'SYSTEM'
                   and ((check_type = 'OnDuty' and plan_time >= :start and plan_time < :end)
                     or (check_type = 'OffDuty' and plan_time > :start and plan_time <= :end))""")
                .param("t", tenantId).param("u", userId).param("start", Sql.ts(start)).param("end", Sql.ts(end))
                .param("instance", instanceId).param("approve", approveId).param("now", Sql.ts(now)).update();
    }

    Optional<Instant> lastPunch(long tenantId, String userId) {
        return jdbc.sql("""
                select user_time from att_record where tenant_id = :t and userid = :u and user_time is not null
                 order by user_time desc limit 1""")
                .param("t", tenantId).param("u", userId)
                .query((rs, n) -> Sql.instant(rs, "user_time")).optional();
    }

    List<AttendanceRecord> list(long tenantId, String userId, LocalDate from, LocalDate to) {
        String filter = userId == null ? "" : " and userid = :u";
        var spec = jdbc.sql("select " + COLUMNS + " from att_record where tenant_id = :t and work_date between :from and :to"
                        + filter + " order by work_date, userid, check_type desc")
                .param("t", tenantId).param("from", Sql.date(from)).param("to", Sql.date(to));
        if (userId != null) {
            spec = spec.param("u", userId);
        }
        return spec.query(RecordRepository::map).list();
    }

    /** Marks the not-normal records of the shifts a signal covers; returns how many. */
    int exempt(long tenantId, Instant signalStart, Instant coverEnd, Instant now) {
        String end = coverEnd == null ? "" : " and shift_on < :coverEnd";
        var spec = jdbc.sql("update att_record set exemption = 'WEATHER_EXEMPT', updated_at = :now "
                        + "where tenant_id = :t and exemption is null and time_result <> 'Normal' and shift_on is not null "
                        + "and shift_off > :start" + end)
                .param("t", tenantId).param("start", Sql.ts(signalStart)).param("now", Sql.ts(now));
        if (coverEnd != null) {
            spec = spec.param("coverEnd", Sql.ts(coverEnd));
        }
        return spec.update();
    }

    /** Clears weather exemptions of shifts that start from {@code from} on, before they are worked out again. */
    void clearExemptions(long tenantId, Instant from, Instant now) {
        jdbc.sql("update att_record set exemption = null, updated_at = :now where tenant_id = :t "
                        + "and exemption = 'WEATHER_EXEMPT' and shift_off > :from")
                .param("t", tenantId).param("from", Sql.ts(from)).param("now", Sql.ts(now)).update();
    }

    /**
     * The punches of a shift or of a group on work dates from {@code from} that the daily close has
     * not closed, by person and work date, on-duty first.
     */
    List<AttendanceRecord> openPunches(long tenantId, String column, long id, LocalDate from) {
        return jdbc.sql("select " + COLUMNS + " from att_record r where r.tenant_id = :t and r." + column + " = :id"
                        + " and r.user_time is not null and r.work_date >= :from and not exists (select 1 from att_close c"
                        + " where c.tenant_id = r.tenant_id and c.work_date = r.work_date)"
                        + " order by r.userid, r.work_date, r.check_type desc")
                .param("t", tenantId).param("id", id).param("from", Sql.date(from))
                .query(RecordRepository::map).list();
    }

    /** Records a punch's judgement under a changed shift; the punch itself stays as it was. */
    void rejudge(long tenantId, long id, long shiftId, Judging.Judgement j, Instant now) {
        jdbc.sql("""
                update att_record set shift_id = :shift, shift_on = :shiftOn, shift_off = :shiftOff, plan_time = :plan,
                       time_result = :time, exemption = :exemption, updated_at = :now
                 where tenant_id = :t and id = :id""")
                .param("t", tenantId).param("id", id).param("shift", shiftId).param("shiftOn", Sql.ts(j.shiftOn()))
                .param("shiftOff", Sql.ts(j.shiftOff())).param("plan", Sql.ts(j.planTime()))
                .param("time", j.result().wire()).param("exemption", j.exemption()).param("now", Sql.ts(now)).update();
    }

    /** Drops precise locations of punches before the cut-off, keeping results. */
    int dropLocations(long tenantId, Instant cutoff, Instant now) {
        return jdbc.sql("""
                update att_record set latitude = null, longitude = null, accuracy_m = null, ssid = null, bssid = null,
                       location_dropped = true, updated_at = :now
                 where tenant_id = :t and location_dropped = false and user_time < :cutoff""")
                .param("t", tenantId).param("cutoff", Sql.ts(cutoff)).param("now", Sql.ts(now)).update();
    }

    private static AttendanceRecord map(ResultSet rs, int n) throws SQLException {
        return new AttendanceRecord(rs.getLong("id"), rs.getString("userid"), rs.getDate("work_date").toLocalDate(),
                CheckType.fromWire(rs.getString("check_type")), TimeResult.fromWire(rs.getString("time_result")),
                LocationResult.fromWire(rs.getString("location_result")), rs.getString("exemption"),
                SourceType.valueOf(rs.getString("source_type")), Sql.instant(rs, "plan_time"),
                Sql.instant(rs, "user_time"), Sql.nullableLong(rs, "group_id"), Sql.nullableLong(rs, "shift_id"),
                Sql.nullableLong(rs, "location_id"), Sql.nullableDouble(rs, "latitude"),
                Sql.nullableDouble(rs, "longitude"), Sql.nullableDouble(rs, "accuracy_m"), rs.getString("ssid"),
                rs.getString("bssid"), rs.getBoolean("accuracy_poor"), rs.getString("outside_reason"),
                rs.getBoolean("location_dropped"), rs.getString("proc_inst_id"), Sql.nullableLong(rs, "approve_id"));
    }
}
