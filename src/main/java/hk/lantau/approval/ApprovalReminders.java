package hk.lantau.approval;

import java.util.List;

/**
 * When approvers with pending tasks get their digest: an organisation's schedules, each some days
 * of the week at a local time in the organisation's time zone. Reading and replacing them needs
 * {@code approval.manage}; every replacement is audited.
 */
public interface ApprovalReminders {

    ReminderSettings get(long tenantId);

    /** Replaces all schedules; 400 with the fields at fault, nothing changed, when one is not valid. */
    ReminderSettings replace(long tenantId, List<ReminderSchedule> schedules);
}
