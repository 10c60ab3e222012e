package hk.lantau.openplatform.internal.events;

import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalSubmitted;
import hk.lantau.approval.ApprovalTaskAssigned;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.InstanceResult;
import hk.lantau.openplatform.PlatformEventType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The approval module's events as platform events, in the shape of DingTalk's
 * {@code bpms_instance_change} and {@code bpms_task_change}. Synchronous, so they are written in
 * the approval's transaction. {@code data} carries identifiers, codes, userids, status, result and
 * times, never form values; a task's remark is included as DingTalk's {@code bpms_task_change}
 * includes it, since an integration that mirrors decisions needs the approver's reason.
 */
@Component
class ApprovalEvents {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final EventOutbox outbox;

    ApprovalEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ApprovalSubmitted e) {
        outbox.publish(e.tenantId(), PlatformEventType.APPROVAL_SUBMITTED, data(
                "processInstanceId", e.instanceId(), "processCode", e.processCode(),
                "templateVersion", e.templateVersion(), "title", e.title(),
                "originatorUserId", e.originatorUserId(), "originatorDeptId", e.departmentId(),
                "createTime", time(e.createTime())));
    }

    @EventListener
    void on(ApprovalTaskAssigned e) {
        outbox.publish(e.tenantId(), PlatformEventType.APPROVAL_TASK_ASSIGNED, data(
                "processInstanceId", e.instanceId(), "taskId", e.taskId(), "processCode", e.processCode(),
                "title", e.title(), "originatorUserId", e.originatorUserId(), "userId", e.assigneeUserId(),
                "activityId", e.activityId(), "createTime", time(e.createTime()),
                "dueTime", time(e.dueAt())));
    }

    @EventListener
    void on(ApprovalTaskFinished e) {
        outbox.publish(e.tenantId(), PlatformEventType.APPROVAL_TASK_FINISHED, data(
                "processInstanceId", e.instanceId(), "taskId", e.taskId(), "processCode", e.processCode(),
                "title", e.title(), "originatorUserId", e.originatorUserId(), "userId", e.userId(),
                "activityId", e.activityId(), "type", e.outcome().name().toLowerCase(),
                "result", wire(e.result()), "remark", e.remark(), "automatic", e.automatic(),
                "redirectedTo", e.redirectedTo(), "finishTime", time(e.finishTime())));
    }

    @EventListener
    void on(ApprovalFinished e) {
        outbox.publish(e.tenantId(), PlatformEventType.APPROVAL_FINISHED, data(
                "processInstanceId", e.instanceId(), "processCode", e.processCode(), "title", e.title(),
                "originatorUserId", e.originatorUserId(), "status", e.status().name(), "result", wire(e.result()),
                "actorUserId", e.actorUserId(), "createTime", time(e.createTime()),
                "finishTime", time(e.finishTime())));
    }

    /** ISO-8601 in UTC with milliseconds, so mapping needs no look-up when nobody subscribed. */
    private static String time(Instant at) {
        return at == null ? null : TIME.format(at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    private static String wire(InstanceResult result) {
        return result == null ? null : result.wire();
    }

    /** An ordered map of alternating keys and values; values may be {@code null}. */
    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
