package hk.lantau.approval;

import java.util.List;
import java.util.Map;

/** An organisation's digest schedules were replaced; {@code schedules} as {@code MONDAY,FRIDAY@09:00}. */
public record ApprovalRemindersChanged(Long tenantId, List<String> schedules) implements ApprovalAudited {

    public ApprovalRemindersChanged {
        schedules = List.copyOf(schedules);
    }

    @Override
    public String action() {
        return "approval.reminders.replaced";
    }

    @Override
    public String targetType() {
        return "approval_reminders";
    }

    @Override
    public String targetId() {
        return String.valueOf(tenantId);
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("schedules", schedules);
    }
}
