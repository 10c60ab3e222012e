package hk.lantau.messaging;

import hk.lantau.shared.AuditableEvent;

/** An audit record about one DING, named by its id. */
public interface DingAudited extends AuditableEvent {

    long dingId();

    @Override
    default String targetType() {
        return "ding";
    }

    @Override
    default String targetId() {
        return Long.toString(dingId());
    }
}
