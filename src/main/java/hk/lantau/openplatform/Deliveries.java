package hk.lantau.openplatform;

import hk.lantau.shared.CursorPage;
import java.time.Instant;

/** The delivery log of an organisation's apps, and replays. Callers check who may manage apps. */
public interface Deliveries {

    /** Newest event first; pass {@code nextCursor} for the next page. */
    CursorPage<DeliveryView> search(long tenantId, long appId, DeliveryQuery query, String cursor, int limit);

    DeliveryView get(long tenantId, long appId, long deliveryId);

    /** Sends the delivery's event again (same event id), as soon as a worker is free. */
    DeliveryView replay(long tenantId, long appId, long deliveryId);

    /** Replays every delivery of a subscription whose event time is from {@code from} up to, not including, {@code to}; returns how many. */
    int replay(long tenantId, long appId, long subscriptionId, Instant from, Instant to);
}
