package hk.lantau.openplatform;

/** An active subscription receives events; a paused one receives none until it is resumed. */
public enum SubscriptionStatus {
    ACTIVE, PAUSED
}
