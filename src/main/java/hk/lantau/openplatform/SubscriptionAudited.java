package hk.lantau.openplatform;

import hk.lantau.shared.AuditableEvent;

/** An audited change of one webhook subscription: the audit trail's target is the subscription. */
public interface SubscriptionAudited extends AuditableEvent {

    long subscriptionId();

    @Override
    default String targetType() {
        return "subscription";
    }

    @Override
    default String targetId() {
        return String.valueOf(subscriptionId());
    }
}
