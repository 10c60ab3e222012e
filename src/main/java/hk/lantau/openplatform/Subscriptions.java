package hk.lantau.openplatform;

import java.util.List;

/**
 * Webhook subscriptions of an organisation's apps. An app that is not in the organisation, and a
 * subscription that is not the app's, are 404. Callers check who may manage apps.
 */
public interface Subscriptions {

    List<SubscriptionView> list(long tenantId, long appId);

    SubscriptionView get(long tenantId, long appId, long subscriptionId);

    /** Checks the URL and that the app's scopes allow each type; the secret is in the answer only. */
    SubscriptionSecret create(long tenantId, long appId, SubscriptionDraft draft);

    SubscriptionView change(long tenantId, long appId, long subscriptionId, SubscriptionChange change);

    SubscriptionView pause(long tenantId, long appId, long subscriptionId);

    /** Resumes a paused subscription; deliveries it still owes go out again. */
    SubscriptionView resume(long tenantId, long appId, long subscriptionId);

    /** A new secret; the previous one keeps signing alongside it for a while, so receivers can switch. */
    SubscriptionSecret rotateSecret(long tenantId, long appId, long subscriptionId);

    /** Stops deliveries it still owes; its delivery log stays until the retention period ends. */
    void delete(long tenantId, long appId, long subscriptionId);
}
