package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.shared.RequestMetadata;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets the upgrade of {@code /connect?ticket=} through only with a ticket that is valid, unused and
 * unexpired; using it spends it. Refusals answer 401 in DingTalk's {@code /v1.0} error shape.
 */
final class StreamConnectHandshake implements HandshakeInterceptor {

    static final String TICKET = "lantau.compat.stream.ticket";
    static final String ADDRESS = "lantau.compat.stream.address";

    private final StreamTickets tickets;
    private final ObjectMapper json;

    StreamConnectHandshake(StreamTickets tickets, ObjectMapper json) {
        this.tickets = tickets;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        List<String> values = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().get("ticket");
        Optional<StreamTickets.Ticket> ticket = values == null || values.size() != 1 ? Optional.empty()
                : tickets.redeem(values.get(0));
        if (ticket.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", "invalidTicket");
            body.put("message", "The ticket is unknown, used or expired; open a connection again for a new one.");
            body.put("requestid", RequestMetadata.requestId().orElse(""));
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            response.getBody().write(json.writeValueAsBytes(body));
            return false;
        }
        attributes.put(TICKET, ticket.get());
        // The address as the servlet sees it, as the token endpoint and the allow-list check do.
        attributes.put(ADDRESS, request instanceof ServletServerHttpRequest servlet
                ? servlet.getServletRequest().getRemoteAddr() : null);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
