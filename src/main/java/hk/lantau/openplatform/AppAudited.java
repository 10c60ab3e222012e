package hk.lantau.openplatform;

import hk.lantau.shared.AuditableEvent;

/** An audit record about one app, which the trail names by its public app key. */
public interface AppAudited extends AuditableEvent {

    String appKey();

    @Override
    default String targetType() {
        return "app";
    }

    @Override
    default String targetId() {
        return appKey();
    }
}
