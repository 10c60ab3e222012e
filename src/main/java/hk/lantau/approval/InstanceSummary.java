package hk.lantau.approval;

import java.time.Instant;

/** An instance as a list shows it. */
public record InstanceSummary(String instanceId, String processCode, String title, String originatorUserId,
                              InstanceStatus status, InstanceResult result, Instant createTime,
                              Instant finishTime) {
}
