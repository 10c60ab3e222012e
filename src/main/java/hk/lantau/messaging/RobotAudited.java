package hk.lantau.messaging;

import hk.lantau.shared.AuditableEvent;

/** An audit record about one group robot. */
public interface RobotAudited extends AuditableEvent {

    long robotId();

    @Override
    default String targetType() {
        return "robot";
    }

    @Override
    default String targetId() {
        return Long.toString(robotId());
    }
}
