package hk.lantau.messaging.internal.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Problems;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets the upgrade through only for a person: the security filter has already turned the session
 * cookie or bearer token into the request's actor (anonymous callers got 401 there). Apps have
 * no stream of their own and get 401 here; a malformed {@code since} gets 400. Both before the
 * upgrade, as problem details.
 */
final class StreamHandshake implements HandshakeInterceptor {

    static final String PERSON = "lantau.stream.person";
    static final String SINCE = "lantau.stream.since";

    private final ObjectMapper json;

    StreamHandshake(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null || actor.kind() != ActorKind.USER || actor.tenantId() == null) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, "stream.people_only",
                    "The event stream is for people signed in with a session; apps receive events by webhook.");
            return false;
        }
        List<String> since = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().get("since");
        if (since != null) {
            Long value = parse(since);
            if (value == null) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "stream.bad_since",
                        "since must be the sequence number of the last event received, 0 or more.");
                return false;
            }
            attributes.put(SINCE, value);
        }
        attributes.put(PERSON, new StreamPerson(actor.tenantId(), actor.userId(), actor.sessionId()));
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static Long parse(List<String> values) {
        if (values.size() != 1) {
            return null;
        }
        try {
            long value = Long.parseLong(values.get(0));
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void refuse(ServerHttpRequest request, ServerHttpResponse response, HttpStatus status, String code,
                        String detail) throws IOException {
        var servlet = request instanceof ServletServerHttpRequest s ? s.getServletRequest() : null;
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(json.writeValueAsBytes(Problems.of(status, code, detail, List.of(), servlet)));
    }
}
