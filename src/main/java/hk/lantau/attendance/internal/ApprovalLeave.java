package hk.lantau.attendance.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.InstanceView.SubmittedValue;
import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.LeaveSettings;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.tenant.Organisations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Copies leave and overtime from approvals that complete agreed, in the approval's transaction, so
 * an approval is leave exactly when it is agreed. Days the daily close already marked are turned
 * into leave records, so leave approved afterwards (sick leave, typically) still counts.
 */
@Component
class ApprovalLeave {

    private static final Logger log = LoggerFactory.getLogger(ApprovalLeave.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ApprovalInstances instances;
    private final ApprovedTimeRepository repository;
    private final RecordRepository records;
    private final Organisations organisations;
    private final Audit audit;
    private final ObjectMapper json;
    private final Clock clock;

    ApprovalLeave(ApprovalInstances instances, ApprovedTimeRepository repository, RecordRepository records,
                  Organisations organisations, Audit audit, ObjectMapper json, Clock clock) {
        this.instances = instances;
        this.repository = repository;
        this.records = records;
        this.organisations = organisations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(ApprovalFinished e) {
        if (e.tenantId() == null || e.status() != InstanceStatus.COMPLETED || e.result() != InstanceResult.AGREE) {
            return;
        }
        long tenantId = e.tenantId();
        LeaveSettings settings = repository.settings(tenantId);
        boolean namedLeave = e.processCode().equals(settings.leaveProcessCode());
        boolean overtime = e.processCode().equals(settings.overtimeProcessCode());
        if (!namedLeave && !overtime && settings.leaveProcessCode() != null) {
            return;
        }
        InstanceView instance = ActorScope.callAs(Actor.system(tenantId, "attendance.leave"),
                () -> instances.get(tenantId, e.instanceId()));
        ZoneId zone = organisations.get(tenantId).timeZone();
        Instant now = clock.instant();
        if (overtime) {
            value(instance, settings.overtimeRangeFieldId(), null).flatMap(v -> range(v, zone)).ifPresent(range ->
                    recordOvertime(tenantId, instance, range, hours(instance, settings, range), zone, now));
        } else if (namedLeave) {
            value(instance, settings.leaveRangeFieldId(), null).flatMap(v -> range(v, zone)).ifPresent(range ->
                    recordLeave(tenantId, instance, range, value(instance, settings.leaveTypeFieldId(), null), now));
        } else {
            // No leave template named: the Leave preset's fields, found by their biz aliases.
            Optional<SubmittedValue> period = value(instance, null, LeaveSettings.PRESET_RANGE)
                    .filter(v -> v.componentType() == ComponentType.DDDateRangeField);
            Optional<SubmittedValue> type = value(instance, null, LeaveSettings.PRESET_TYPE);
            if (period.isPresent() && type.isPresent()) {
                range(period.get(), zone).ifPresent(range -> recordLeave(tenantId, instance, range, type, now));
            }
        }
    }

    private record Range(Instant start, Instant end) {
    }

    private void recordLeave(long tenantId, InstanceView instance, Range range, Optional<SubmittedValue> type,
                             Instant now) {
        String leaveType = type.map(SubmittedValue::value).map(v -> v.length() > 100 ? v.substring(0, 100) : v)
                .orElse(null);
        var period = new ApprovedPeriod(0, instance.instanceId(), instance.originatorUserId(),
                ApprovedPeriod.Kind.LEAVE, leaveType, range.start(), range.end(), null, null);
        repository.insert(tenantId, period, now).ifPresent(id -> {
            int changed = records.applyLeave(tenantId, instance.originatorUserId(), range.start(), range.end(),
                    instance.instanceId(), id, now);
            audit.record(tenantId, "attendance.leave.recorded", "approval", instance.instanceId(),
                    changes(instance, range, changed));
        });
    }

    private void recordOvertime(long tenantId, InstanceView instance, Range range, BigDecimal hours, ZoneId zone,
                                Instant now) {
        LocalDate day = range.start().atZone(zone).toLocalDate();
        var period = new ApprovedPeriod(0, instance.instanceId(), instance.originatorUserId(),
                ApprovedPeriod.Kind.OVERTIME, null, range.start(), range.end(), day, hours);
        repository.insert(tenantId, period, now).ifPresent(id -> {
            Map<String, Object> changes = changes(instance, range, 0);
            changes.put("hours", hours.toPlainString());
            audit.record(tenantId, "attendance.overtime.recorded", "approval", instance.instanceId(), changes);
        });
    }

    private static Map<String, Object> changes(InstanceView instance, Range range, int recordsChanged) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("userId", instance.originatorUserId());
        changes.put("startsAt", range.start().toString());
        changes.put("endsAt", range.end().toString());
        if (recordsChanged > 0) {
            changes.put("recordsChanged", recordsChanged);
        }
        return changes;
    }

    /** The hours field's value, else the range's length, in hours to two places. */
    private static BigDecimal hours(InstanceView instance, LeaveSettings settings, Range range) {
        Optional<BigDecimal> given = value(instance, settings.overtimeHoursFieldId(), null).map(v -> {
            try {
                return new BigDecimal(v.value());
            } catch (NumberFormatException ex) {
                return null;
            }
        });
        BigDecimal hours = given.orElseGet(() -> BigDecimal.valueOf(Duration.between(range.start(), range.end())
                .toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
        return hours.setScale(2, RoundingMode.HALF_UP);
    }

    private static Optional<SubmittedValue> value(InstanceView instance, String id, String bizAlias) {
        if (id == null && bizAlias == null) {
            return Optional.empty();
        }
        Predicate<SubmittedValue> match = id != null ? v -> id.equals(v.id()) : v -> bizAlias.equals(v.bizAlias());
        return instance.formValues().stream().filter(match)
                .filter(v -> v.value() != null && !v.value().isBlank()).findFirst();
    }

    /**
     * A date range in DingTalk's encoding: {@code ["2026-12-01","2026-12-02"]} covers both days
     * whole; {@code ["2026-12-01 09:00","2026-12-01 13:00"]} exactly those times, in the zone.
     */
    private Optional<Range> range(SubmittedValue value, ZoneId zone) {
        try {
            List<String> parts = json.readValue(value.value(), STRINGS);
            if (parts.size() != 2) {
                return Optional.empty();
            }
            Instant start = at(parts.get(0), zone, false);
            Instant end = at(parts.get(1), zone, true);
            return end.isAfter(start) ? Optional.of(new Range(start, end)) : Optional.empty();
        } catch (Exception ex) {
            log.warn("An approved date range could not be read; the approval is not counted as leave");
            return Optional.empty();
        }
    }

    private static Instant at(String text, ZoneId zone, boolean end) {
        String value = text.strip();
        if (value.length() == 10) {
            LocalDate day = LocalDate.parse(value);
            return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
    }
}
