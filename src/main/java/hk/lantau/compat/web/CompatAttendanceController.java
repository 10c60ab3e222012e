package hk.lantau.compat.web;

import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.LocationResult;
import hk.lantau.attendance.Punches;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's attendance results ({@code /attendance/list}) and punch details
 * ({@code /attendance/listRecord}) over attendance's records. Bodies are camelCase; times are epoch
 * milliseconds; work dates are midnight in the organisation's zone.
 */
@RestController
class CompatAttendanceController {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int MAX_DAYS = 7;
    private static final int MAX_USERS = 50;
    private static final int MAX_LIMIT = 50;

    private final Punches punches;
    private final Organisations organisations;

    CompatAttendanceController(Punches punches, Organisations organisations) {
        this.punches = punches;
        this.organisations = organisations;
    }

    @RequiresScope(Scope.ATTENDANCE_READ)
    @PostMapping("/attendance/list")
    ResponseEntity<Map<String, Object>> list(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.ATTENDANCE_READ).requireTenant();
        Organisation org = organisations.get(tenantId);
        LocalDate from = date(body, "workDateFrom");
        LocalDate to = date(body, "workDateTo");
        List<String> users = users(body, "userIdList");
        long offset = body.requireNumber("offset");
        long limit = body.requireNumber("limit");
        if (offset < 0) {
            throw DingTalkException.invalidParameter("offset");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DingTalkException.invalidParameter("limit");
        }
        checkRange(from, to);
        List<AttendanceRecord> records = punches.recordsOf(tenantId, users, from, to);
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = (int) Math.min(offset, records.size()); i < records.size() && page.size() < limit; i++) {
            page.add(result(records.get(i), org.timeZone()).map());
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("hasMore", offset + page.size() < records.size());
        members.put("recordresult", page);
        return OldReply.with(members);
    }

    @RequiresScope(Scope.ATTENDANCE_READ)
    @PostMapping("/attendance/listRecord")
    ResponseEntity<Map<String, Object>> listRecord(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.ATTENDANCE_READ).requireTenant();
        Organisation org = organisations.get(tenantId);
        ZoneId zone = org.timeZone();
        LocalDateTime from = dateTime(body, "checkDateFrom");
        LocalDateTime to = dateTime(body, "checkDateTo");
        List<String> users = users(body, "userIds");
        checkRange(from.toLocalDate(), to.toLocalDate());
        Instant start = from.atZone(zone).toInstant();
        Instant end = to.atZone(zone).toInstant();
        // A punch's work date can be the day before or after its calendar date (overnight shifts).
        List<Map<String, Object>> result = new ArrayList<>();
        for (AttendanceRecord r : punches.recordsOf(tenantId, users, from.toLocalDate().minusDays(1),
                to.toLocalDate().plusDays(1))) {
            if (r.userTime() == null || r.userTime().isBefore(start) || r.userTime().isAfter(end)) {
                continue;
            }
            result.add(result(r, zone)
                    .put("classId", r.shiftId())
                    .put("planCheckTime", millis(r.planTime()))
                    .put("corpId", org.corpId())
                    .put("isLegal", r.locationResult() == LocationResult.OUTSIDE ? "N" : "Y")
                    .put("locationMethod", r.latitude() != null ? "MAP" : r.ssid() != null || r.bssid() != null
                            ? "WIFI" : null)
                    .put("userLatitude", r.latitude())
                    .put("userLongitude", r.longitude())
                    .put("userAccuracy", r.accuracy())
                    .put("userSsid", r.ssid())
                    .put("userMacAddr", r.bssid())
                    .put("outsideRemark", r.outsideReason())
                    .map());
        }
        return OldReply.with(Map.of("recordresult", result));
    }

    /** The fields both endpoints share. */
    private static Wire result(AttendanceRecord r, ZoneId zone) {
        Long base = millis(r.planTime());
        Long user = r.userTime() != null ? millis(r.userTime()) : base;
        return Wire.object()
                .put("id", r.id())
                .put("recordId", r.id())
                .put("groupId", r.groupId())
                .put("userId", r.userId())
                .put("workDate", r.workDate().atStartOfDay(zone).toInstant().toEpochMilli())
                .put("checkType", r.checkType().wire())
                .put("timeResult", r.timeResult().wire())
                .put("locationResult", r.locationResult().wire())
                .put("sourceType", r.sourceType().name())
                .put("baseCheckTime", base)
                .put("userCheckTime", user)
                .put("procInstId", r.procInstId())
                .put("approveId", r.approveId());
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static List<String> users(DingTalkRequest body, String name) {
        List<String> users = body.texts(name);
        if (users == null || users.isEmpty()) {
            throw DingTalkException.missingParameter(name);
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(users));
        if (distinct.size() > MAX_USERS) {
            throw DingTalkException.invalidParameter(name);
        }
        return distinct;
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw DingTalkException.business(41041, "查询考勤打卡记录的起始工作日与结束工作日相隔不能超过7天", 400,
                    "invalidParameter");
        }
    }

    private static LocalDate date(DingTalkRequest body, String name) {
        return dateTime(body, name).toLocalDate();
    }

    private static LocalDateTime dateTime(DingTalkRequest body, String name) {
        String text = body.requireText(name);
        try {
            return LocalDateTime.parse(text.strip(), WIRE);
        } catch (DateTimeParseException e) {
            throw DingTalkException.invalidParameter(name);
        }
    }
}
