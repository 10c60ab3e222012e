package hk.lantau.approval.internal.notify;

import hk.lantau.approval.ApprovalCopied;
import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalTaskAssigned;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.TaskOutcome;
import java.util.Objects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned what happened to an approval, through Lantau's own notices: the
 * assignee of a new task, the CCs, the originator when it ends or when Lantau or someone else moved
 * one of its tasks, and an assignee whose task a time-out took away. After commit, in a
 * transaction of its own: a notice that cannot be sent never undoes a decision, and the event
 * publication registry retries what a crash interrupted. Nobody is told of their own action.
 */
@Component
class ApprovalNotices {

    private final NoticeWriter notices;

    ApprovalNotices(NoticeWriter notices) {
        this.notices = notices;
    }

    @ApplicationModuleListener
    void on(ApprovalTaskAssigned e) {
        notices.tell(e.tenantId(), e.assigneeUserId(), "task_assigned", e.instanceId(), e.title(),
                e.originatorUserId());
    }

    @ApplicationModuleListener
    void on(ApprovalCopied e) {
        for (String cc : e.ccUserIds()) {
            notices.tell(e.tenantId(), cc, "copied", e.instanceId(), e.title(), e.originatorUserId());
        }
    }

    @ApplicationModuleListener
    void on(ApprovalFinished e) {
        String key = e.status() == InstanceStatus.TERMINATED ? "terminated"
                : e.status() != InstanceStatus.COMPLETED ? null
                : e.result() == InstanceResult.REFUSE ? "refused" : "agreed";
        if (key != null && !e.originatorUserId().equals(e.actorUserId())) {
            notices.tell(e.tenantId(), e.originatorUserId(), key, e.instanceId(), e.title(), e.originatorUserId());
        }
    }

    @ApplicationModuleListener
    void on(ApprovalTaskFinished e) {
        long tenantId = e.tenantId();
        boolean ownTask = Objects.equals(e.userId(), e.originatorUserId());
        if (e.outcome() == TaskOutcome.REDIRECT && e.automatic()) {
            if (!ownTask) {
                notices.tell(tenantId, e.originatorUserId(), "escalated", e.instanceId(), e.title(),
                        e.originatorUserId(), e.userId(), e.redirectedTo());
            }
            notices.tell(tenantId, e.userId(), "escalated_away", e.instanceId(), e.title(), e.originatorUserId(),
                    e.userId(), e.redirectedTo());
        } else if (e.outcome() == TaskOutcome.REDIRECT && !ownTask) {
            notices.tell(tenantId, e.originatorUserId(), "transferred", e.instanceId(), e.title(),
                    e.originatorUserId(), e.userId(), e.redirectedTo());
        } else if (e.outcome() == TaskOutcome.FINISH && e.automatic() && e.userId() != null && !ownTask) {
            // A time-out decided for the assignee; steps Lantau passed without anyone (empty, the
            // originator's own) are not news to anyone.
            String result = e.result() == InstanceResult.REFUSE ? "refused" : "agreed";
            notices.tell(tenantId, e.originatorUserId(), "auto_" + result, e.instanceId(), e.title(),
                    e.originatorUserId(), e.userId());
            notices.tell(tenantId, e.userId(), "task_auto_" + result, e.instanceId(), e.title(),
                    e.originatorUserId(), e.userId());
        }
    }
}
