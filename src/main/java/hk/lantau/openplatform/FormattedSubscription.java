package hk.lantau.openplatform;

import java.util.List;

/**
 * An app's subscription in a format other than Lantau's: one per app and format.
 *
 * @param secret the secret in clear, as the format set it; for the app's own eyes only
 */
public record FormattedSubscription(long id, long appId, String format, String callbackUrl, List<String> eventTypes,
                                    SubscriptionStatus status, String secret) {

    public FormattedSubscription {
        eventTypes = List.copyOf(eventTypes);
    }

    @Override
    public String toString() {
        return "FormattedSubscription[id=" + id + ", appId=" + appId + ", format=" + format + "]";
    }
}
