package hk.lantau.openplatform;

/** A subscription with its new signing secret, shown this once and never again. */
public record SubscriptionSecret(SubscriptionView subscription, String secret) {

    @Override
    public String toString() {
        return "SubscriptionSecret[subscription=" + subscription.id() + "]";
    }
}
