package hk.lantau.compat;

import java.util.List;

/**
 * DingTalk's Stream mode gateway: an app's key and secret, and what it subscribes to, for a
 * single-use ticket and the address of the WebSocket that takes it. Refusals of the credentials
 * are the open platform's {@link hk.lantau.openplatform.TokenRefusedException}, audited there.
 */
public interface StreamGateway {

    /**
     * @param subscriptions what the client listens to: {@code EVENT} topics ({@code *} or event
     *                      types) and {@code CALLBACK} topics
     * @param requestHost   the host the caller reached, for the endpoint when none is configured
     */
    StreamTicket open(String clientId, String clientSecret, List<StreamSubscription> subscriptions, String ip,
                      String requestHost);

    /** One subscription as DingTalk's clients send it, such as {@code EVENT} {@code *}. */
    record StreamSubscription(String type, String topic) {
    }

    /** Where to connect ({@code wss://host:port/connect}) and the ticket to present there. */
    record StreamTicket(String endpoint, String ticket) {

        @Override
        public String toString() {
            return "StreamTicket[endpoint=" + endpoint + "]";
        }
    }
}
