package hk.lantau.compat.web;

import hk.lantau.compat.StreamGateway;
import hk.lantau.compat.StreamGateway.StreamSubscription;
import hk.lantau.compat.StreamGateway.StreamTicket;
import hk.lantau.openplatform.TokenRefusedException;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's Stream gateway, {@code POST /v1.0/gateway/connections/open}: the app's key
 * ({@code clientId}) and secret for a single-use ticket and the WebSocket endpoint that takes it. No
 * token, like the token endpoints, so it is limited per source address as they are. DingTalk's paths
 * are outside the OpenAPI document; docs/compat.md describes them.
 */
@RestController
@PeopleOnly
class StreamGatewayController {

    private static final Set<String> TYPES = Set.of("EVENT", "CALLBACK", "SYSTEM");
    private static final int MAX_SUBSCRIPTIONS = 50;
    private static final int MAX_TOPIC_LENGTH = 200;

    private final StreamGateway gateway;

    StreamGatewayController(StreamGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/v1.0/gateway/connections/open")
    ResponseEntity<Map<String, Object>> open(DingTalkRequest body, HttpServletRequest request) {
        String clientId = body.requireText("clientId");
        String clientSecret = body.requireText("clientSecret");
        List<StreamSubscription> subscriptions = subscriptions(body.objects("subscriptions"));
        StreamTicket ticket;
        try {
            ticket = gateway.open(clientId, clientSecret, subscriptions, request.getRemoteAddr(),
                    request.getServerName());
        } catch (TokenRefusedException e) {
            throw "openplatform.ip_not_allowed".equals(e.code()) ? DingTalkException.addressNotAllowed()
                    : DingTalkException.badCredentials(false);
        } catch (LantauException e) {
            if ("compat.stream_unavailable".equals(e.code())) {
                throw DingTalkException.business(-1, e.getMessage(), 503, "ServiceUnavailable.StreamDisabled");
            }
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("endpoint", ticket.endpoint());
        answer.put("ticket", ticket.ticket());
        return ResponseEntity.ok().contentType(CompatErrors.NEW_JSON).body(answer);
    }

    private static List<StreamSubscription> subscriptions(List<DingTalkRequest> items) {
        if (items == null || items.isEmpty()) {
            throw DingTalkException.missingParameter("subscriptions");
        }
        if (items.size() > MAX_SUBSCRIPTIONS) {
            throw DingTalkException.invalidParameter("subscriptions");
        }
        List<StreamSubscription> subscriptions = new ArrayList<>();
        for (DingTalkRequest item : items) {
            String type = item.text("type");
            String topic = item.text("topic");
            if (type == null || !TYPES.contains(type) || topic == null || topic.isBlank()
                    || topic.length() > MAX_TOPIC_LENGTH || topic.chars().anyMatch(Character::isISOControl)) {
                throw DingTalkException.invalidParameter("subscriptions");
            }
            subscriptions.add(new StreamSubscription(type, topic.strip()));
        }
        return subscriptions;
    }
}
