package hk.lantau.approval;

import java.util.List;

/**
 * An approver's decision on a task.
 *
 * @param actingUserId for apps: the assignee on whose behalf the app decides; people decide for
 *                     themselves and leave it out
 */
public record Decision(InstanceResult result, String remark, List<String> attachmentIds, String actingUserId) {

    public Decision {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
