package hk.lantau.compat.internal;

import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalSubmitted;
import hk.lantau.approval.ApprovalTaskAssigned;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.TaskOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The approval module's events as the data of DingTalk's approval callbacks:
 * {@code bpms_instance_change} (type {@code start}, {@code finish}, {@code terminate}) and
 * {@code bpms_task_change} ({@code start}, {@code finish}, {@code cancel}, {@code redirect}), with
 * DingTalk's field names, times in epoch milliseconds, and members without a value left out.
 * {@code corpId} is the organisation's, as HTTP callbacks carry it. Lantau has no business ids,
 * business categories or detail-page links, so {@code businessId}, {@code bizCategoryId} and
 * {@code url} are absent.
 */
public final class BpmsEvents {

    public static final String INSTANCE_CHANGE = "bpms_instance_change";
    public static final String TASK_CHANGE = "bpms_task_change";

    private BpmsEvents() {
    }

    public static Map<String, Object> instanceChange(ApprovalSubmitted event, String corpId) {
        return payload(event.instanceId(), event.processCode(), event.title(), "start", event.originatorUserId(),
                event.createTime(), null, null, corpId);
    }

    /** Completed approvals are {@code finish} with their result; terminated and withdrawn ones {@code terminate}. */
    public static Map<String, Object> instanceChange(ApprovalFinished event, String corpId) {
        boolean completed = event.status() == InstanceStatus.COMPLETED;
        return payload(event.instanceId(), event.processCode(), event.title(), completed ? "finish" : "terminate",
                event.originatorUserId(), event.createTime(), event.finishTime(),
                completed && event.result() != null ? event.result().wire() : null, corpId);
    }

    public static Map<String, Object> taskChange(ApprovalTaskAssigned event, String corpId) {
        Map<String, Object> data = payload(event.instanceId(), event.processCode(), event.title(), "start",
                event.assigneeUserId(), event.createTime(), null, null, corpId);
        data.put("taskId", event.taskId());
        return data;
    }

    public static Map<String, Object> taskChange(ApprovalTaskFinished event, String corpId) {
        String type = switch (event.outcome()) {
            case FINISH -> "finish";
            case CANCEL -> "cancel";
            case REDIRECT -> "redirect";
        };
        boolean decided = event.outcome() == TaskOutcome.FINISH;
        Map<String, Object> data = payload(event.instanceId(), event.processCode(), event.title(), type,
                event.userId(), null, event.finishTime(),
                decided && event.result() != null ? event.result().wire() : null, corpId);
        data.put("taskId", event.taskId());
        if (decided && event.remark() != null) {
            data.put("remark", event.remark());
        }
        return data;
    }

    private static Map<String, Object> payload(String instanceId, String processCode, String title, String type,
                                               String staffId, Instant createTime, Instant finishTime, String result,
                                               String corpId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("processInstanceId", instanceId);
        data.put("processCode", processCode);
        data.put("title", title);
        data.put("type", type);
        data.put("staffId", staffId);
        if (createTime != null) {
            data.put("createTime", createTime.toEpochMilli());
        }
        if (finishTime != null) {
            data.put("finishTime", finishTime.toEpochMilli());
        }
        if (result != null) {
            data.put("result", result);
        }
        if (corpId != null) {
            data.put("corpId", corpId);
        }
        return data;
    }
}
