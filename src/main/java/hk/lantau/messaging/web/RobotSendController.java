package hk.lantau.messaging.web;

import hk.lantau.messaging.RobotCall;
import hk.lantau.messaging.RobotReply;
import hk.lantau.messaging.RobotWebhook;
import hk.lantau.shared.PeopleOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's custom robot webhook at DingTalk's own path, so alerting tools work by changing the
 * host. It answers HTTP 200 with {@code errcode}/{@code errmsg} for every outcome, as those tools
 * expect. Nobody is signed in here: the robot proves itself with its own token (and signature), so
 * no app acts on this endpoint, which is why it is marked people-only like the token endpoint.
 * Like DingTalk's other paths it is outside our OpenAPI document; docs/robots.md describes it.
 */
@RestController
@PeopleOnly
class RobotSendController {

    /** A little over DingTalk's 20,000-byte message limit, so an oversized message is named as such. */
    private static final int READ_LIMIT = 20_001;
    private static final Logger log = LoggerFactory.getLogger(RobotSendController.class);

    private final RobotWebhook webhook;

    RobotSendController(RobotWebhook webhook) {
        this.webhook = webhook;
    }

    @PostMapping("/robot/send")
    ResponseEntity<RobotReply> send(HttpServletRequest request) throws IOException {
        Map<String, String> query = query(request.getQueryString());
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(READ_LIMIT);
        }
        boolean tooLarge = body.length >= READ_LIMIT;
        return reply(webhook.send(new RobotCall(query.get("access_token"), query.get("timestamp"), query.get("sign"),
                request.getContentType(), body, tooLarge, request.getRemoteAddr())));
    }

    /** Other methods carry no message; DingTalk's tools still get an answer they can decode. */
    @RequestMapping(path = "/robot/send", method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE})
    ResponseEntity<RobotReply> otherMethod() {
        return reply(new RobotReply(40035, "missing json"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<RobotReply> failed(Exception e) {
        log.error("Robot call failed", e);
        return reply(new RobotReply(-1, "busy"));
    }

    private static ResponseEntity<RobotReply> reply(RobotReply reply) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply);
    }

    /** The query's parameters, decoded once; the first of a repeated name counts. */
    private static Map<String, String> query(String queryString) {
        Map<String, String> values = new HashMap<>();
        if (queryString == null) {
            return values;
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                values.putIfAbsent(name, value);
            }
        }
        return values;
    }
}
