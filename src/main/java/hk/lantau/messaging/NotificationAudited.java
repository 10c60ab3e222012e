package hk.lantau.messaging;

import hk.lantau.shared.AuditableEvent;

/** An audited change of a work notification: the target is the notification's task. */
public interface NotificationAudited extends AuditableEvent {

    long taskId();

    @Override
    default String targetType() {
        return "notification";
    }

    @Override
    default String targetId() {
        return String.valueOf(taskId());
    }
}
