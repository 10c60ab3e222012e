package hk.lantau.attendance.internal;

import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.TemplateView;
import hk.lantau.attendance.ApprovedPeriod;
import hk.lantau.attendance.ApprovedTime;
import hk.lantau.attendance.LeaveCalendar;
import hk.lantau.attendance.LeaveSettings;
import hk.lantau.directory.Directory;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApprovedTimeService implements ApprovedTime, LeaveCalendar {

    private static final int MAX_DAYS = 62;

    private final ApprovedTimeRepository repository;
    private final ApprovalTemplates templates;
    private final Directory directory;
    private final Organisations organisations;
    private final Audit audit;
    private final Clock clock;

    ApprovedTimeService(ApprovedTimeRepository repository, ApprovalTemplates templates, Directory directory,
                        Organisations organisations, Audit audit, Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.directory = directory;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public LeaveSettings settings(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return repository.settings(tenantId);
    }

    @Override
    @Transactional
    public LeaveSettings change(long tenantId, LeaveSettings s) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        LeaveSettings clean = new LeaveSettings(blank(s.leaveProcessCode()), blank(s.leaveRangeFieldId()),
                blank(s.leaveTypeFieldId()), blank(s.overtimeProcessCode()), blank(s.overtimeRangeFieldId()),
                blank(s.overtimeHoursFieldId()));
        if (clean.leaveProcessCode() != null) {
            TemplateView leave = template(tenantId, clean.leaveProcessCode(), "leaveProcessCode");
            field(leave, clean.leaveRangeFieldId(), "leaveRangeFieldId", ComponentType.DDDateRangeField, true);
            field(leave, clean.leaveTypeFieldId(), "leaveTypeFieldId", null, false);
        } else if (clean.leaveRangeFieldId() != null || clean.leaveTypeFieldId() != null) {
            throw LantauException.invalidField("leaveProcessCode", "attendance.leave_template_required",
                    "Name the leave template whose fields these are.");
        }
        if (clean.overtimeProcessCode() != null) {
            TemplateView overtime = template(tenantId, clean.overtimeProcessCode(), "overtimeProcessCode");
            field(overtime, clean.overtimeRangeFieldId(), "overtimeRangeFieldId", ComponentType.DDDateRangeField, true);
            field(overtime, clean.overtimeHoursFieldId(), "overtimeHoursFieldId", ComponentType.NumberField, false);
        } else if (clean.overtimeRangeFieldId() != null || clean.overtimeHoursFieldId() != null) {
            throw LantauException.invalidField("overtimeProcessCode", "attendance.leave_template_required",
                    "Name the overtime template whose fields these are.");
        }
        LeaveSettings current = repository.settings(tenantId);
        if (current.equals(clean)) {
            return current;
        }
        repository.save(tenantId, clean, clock.instant());
        // Audit changes cannot hold null: a template back to its default is recorded as an empty code.
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("leaveProcessCode", Objects.requireNonNullElse(clean.leaveProcessCode(), ""));
        changes.put("overtimeProcessCode", Objects.requireNonNullElse(clean.overtimeProcessCode(), ""));
        audit.record(tenantId, "attendance.leave.settings_changed", "attendance_settings", tenantId, changes);
        return clean;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApprovedPeriod> periods(long tenantId, String userId, LocalDate from, LocalDate to) {
        Actor actor = CurrentActor.get();
        boolean own = actor.kind() == ActorKind.USER && Objects.equals(actor.userId(), userId);
        if (!own) {
            CurrentActor.require(Permission.ATTENDANCE_READ);
        }
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw LantauException.invalid("attendance.range_invalid",
                    "Give from and to dates, to not before from, at most 62 days apart.");
        }
        if (userId == null || directory.findUser(tenantId, userId).isEmpty()) {
            throw LantauException.notFound("attendance.user_not_found", "No such person.");
        }
        ZoneId zone = organisations.get(tenantId).timeZone();
        return repository.ofPerson(tenantId, userId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), from, to);
    }

    /** For the daily close: no caller check, the close acts for the organisation. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, List<ApprovedPeriod>> leave(long tenantId, Collection<String> userIds, Instant from, Instant to) {
        return repository.overlapping(tenantId, ApprovedPeriod.Kind.LEAVE, userIds, from, to).stream()
                .collect(Collectors.groupingBy(ApprovedPeriod::userId));
    }

    private TemplateView template(long tenantId, String processCode, String field) {
        try {
            return templates.get(tenantId, processCode);
        } catch (LantauException e) {
            if (e.status().value() == 404) {
                throw LantauException.invalidField(field, "attendance.leave_template_unknown",
                        "No approval template " + processCode + " in the organisation.");
            }
            throw e;
        }
    }

    private static void field(TemplateView template, String id, String field, ComponentType type, boolean required) {
        if (id == null) {
            if (required) {
                throw LantauException.invalidField(field, "attendance.leave_field_invalid",
                        "Name the template's date range field.");
            }
            return;
        }
        FormComponent component = template.definition().form().stream().filter(c -> id.equals(c.id())).findFirst()
                .orElseThrow(() -> LantauException.invalidField(field, "attendance.leave_field_invalid",
                        "The template has no field " + id + "."));
        if (type != null && component.type() != type) {
            throw LantauException.invalidField(field, "attendance.leave_field_invalid",
                    "The field " + id + " must be a " + type + ".");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
