package hk.lantau.compat.internal.events;

import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalSubmitted;
import hk.lantau.approval.ApprovalTaskAssigned;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.compat.internal.BpmsEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The approval module's events as DingTalk's approval events, raised in the approval's transaction. */
@Component
class ApprovalEventTranslation {

    private final DingTalkEvents events;

    ApprovalEventTranslation(DingTalkEvents events) {
        this.events = events;
    }

    @EventListener
    void on(ApprovalSubmitted e) {
        events.raise(e.tenantId(), BpmsEvents.INSTANCE_CHANGE, events.now(),
                BpmsEvents.instanceChange(e, events.corpId(e.tenantId())));
    }

    @EventListener
    void on(ApprovalFinished e) {
        events.raise(e.tenantId(), BpmsEvents.INSTANCE_CHANGE, events.now(),
                BpmsEvents.instanceChange(e, events.corpId(e.tenantId())));
    }

    @EventListener
    void on(ApprovalTaskAssigned e) {
        events.raise(e.tenantId(), BpmsEvents.TASK_CHANGE, events.now(),
                BpmsEvents.taskChange(e, events.corpId(e.tenantId())));
    }

    @EventListener
    void on(ApprovalTaskFinished e) {
        events.raise(e.tenantId(), BpmsEvents.TASK_CHANGE, events.now(),
                BpmsEvents.taskChange(e, events.corpId(e.tenantId())));
    }
}
