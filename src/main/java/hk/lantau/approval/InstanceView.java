package hk.lantau.approval;

import java.time.Instant;
import java.util.List;

/**
 * An instance as its originator, its approvers, its CCs and approval admins see it, shaped like
 * DingTalk's {@code process_instance}.
 *
 * @param formValues the submitted values, each with its component's label and type
 */
public record InstanceView(String instanceId, String processCode, int templateVersion, String title,
                           String originatorUserId, long originatorDepartmentId, InstanceStatus status,
                           InstanceResult result, Instant createTime, Instant finishTime,
                           List<SubmittedValue> formValues, List<String> approverUserIds, List<String> ccUserIds,
                           List<OperationRecord> operationRecords, List<TaskView> tasks) {

    /** A value with what the form said about it. */
    public record SubmittedValue(String id, String name, ComponentType componentType, String value,
                                 String extValue, String bizAlias) {
    }
}
