package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compat.AppTokens;
import hk.lantau.compat.StreamGateway;
import hk.lantau.openplatform.AccessToken;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.Actor;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Opens Stream connections: the app's credentials are checked by the same grant as DingTalk's token
 * endpoints (refusals audited by the open platform), the ticket carries the granted token, and the
 * app is recorded as using Stream mode with the event topics it asked for.
 */
@Service
class StreamGatewayService implements StreamGateway {

    private final AppTokens tokens;
    private final StreamCredentials credentials;
    private final Apps apps;
    private final StreamTickets tickets;
    private final StreamApps streamApps;
    private final StreamTlsConnector tls;
    private final DingStreamProperties properties;
    private final ObjectMapper json;
    private final TransactionOperations tx;
    private final Clock clock;

    StreamGatewayService(AppTokens tokens, StreamCredentials credentials, Apps apps, StreamTickets tickets,
                         StreamApps streamApps, StreamTlsConnector tls, DingStreamProperties properties,
                         ObjectMapper json, TransactionOperations tx, Clock clock) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.apps = apps;
        this.tickets = tickets;
        this.streamApps = streamApps;
        this.tls = tls;
        this.properties = properties;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public StreamTicket open(String clientId, String clientSecret, List<StreamSubscription> subscriptions, String ip,
                             String requestHost) {
        String endpoint = endpoint(requestHost);
        AccessToken token = tokens.grant(clientId, clientSecret, ip);
        Actor actor = credentials.actor(token.value(), ip).orElseThrow(StreamGatewayService::unavailable);
        AppView app = apps.findByKey(actor.requireTenant(), clientId).orElseThrow(StreamGatewayService::unavailable);
        List<String> eventTopics = subscriptions.stream().filter(s -> "EVENT".equals(s.type()))
                .map(StreamSubscription::topic).distinct().toList();
        String subscribed = write(subscriptions);
        Instant now = clock.instant();
        String ticket = tx.execute(status -> {
            streamApps.opened(app.tenantId(), app.id(), eventTopics, now);
            return tickets.issue(app.tenantId(), app.id(), token.value(), subscribed,
                    now.plus(properties.ticketLifetime()));
        });
        return new StreamTicket(endpoint, ticket);
    }

    /** The configured endpoint, or the TLS connector's port on the host the client called. */
    private String endpoint(String requestHost) {
        if (properties.endpoint() != null && !properties.endpoint().isBlank()) {
            return properties.endpoint();
        }
        OptionalInt port = tls.port();
        if (port.isEmpty() || requestHost == null || requestHost.isBlank()) {
            throw new LantauException(HttpStatus.SERVICE_UNAVAILABLE, "compat.stream_unavailable",
                    "Stream mode is not set up on this server: it needs lantau.compat.stream.endpoint or "
                            + "lantau.compat.stream.tls.port.");
        }
        String host = requestHost.contains(":") && !requestHost.startsWith("[") ? "[" + requestHost + "]"
                : requestHost;
        return "wss://" + host + ":" + port.getAsInt() + DingStreamSocketConfiguration.PATH;
    }

    private String write(List<StreamSubscription> subscriptions) {
        try {
            return json.writeValueAsString(subscriptions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LantauException unavailable() {
        return new LantauException(HttpStatus.SERVICE_UNAVAILABLE, "compat.stream_unavailable",
                "The app's token could not be resolved right after it was granted; try again.");
    }
}
