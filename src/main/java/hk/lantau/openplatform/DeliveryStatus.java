package hk.lantau.openplatform;

/**
 * PENDING until an attempt succeeds (DELIVERED), retries run out (DEAD) or the subscription is
 * deleted (CANCELLED). A replay makes a delivery PENDING again.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, DEAD, CANCELLED
}
