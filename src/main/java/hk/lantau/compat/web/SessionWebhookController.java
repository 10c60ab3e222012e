package hk.lantau.compat.web;

import hk.lantau.compat.RobotSessions;
import hk.lantau.identity.BearerTokenResolver;
import hk.lantau.messaging.RobotCall;
import hk.lantau.messaging.RobotReply;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's {@code sessionWebhook}: {@code POST /robot/sendBySession?session=…} with the custom
 * robot's body posts as the app's robot into the conversation the session was handed out for. The
 * session is the credential, so no token is needed; when the call carries
 * {@code x-acs-dingtalk-access-token} (DingTalk's samples send it), it must be a valid token of the
 * same app. Every outcome is HTTP 200 with {@code errcode}/{@code errmsg}, as on {@code /robot/send}.
 */
@RestController
@PeopleOnly
class SessionWebhookController {

    /** A little over the robot protocol's 20,000-byte limit, so an oversized message is named as such. */
    private static final int READ_LIMIT = 20_001;
    private static final Logger log = LoggerFactory.getLogger(SessionWebhookController.class);

    private final RobotSessions sessions;
    private final List<BearerTokenResolver> resolvers;

    SessionWebhookController(RobotSessions sessions, List<BearerTokenResolver> resolvers) {
        this.sessions = sessions;
        this.resolvers = List.copyOf(resolvers);
    }

    @PostMapping("/robot/sendBySession")
    ResponseEntity<RobotReply> send(HttpServletRequest request) throws IOException {
        String token = request.getHeader(CompatAuthenticationFilter.NEW_TOKEN_HEADER);
        Optional<String> caller = token == null ? Optional.empty() : appKey(token.strip(), request.getRemoteAddr());
        if (token != null && caller.isEmpty()) {
            DingTalkException invalid = DingTalkException.tokenInvalid();
            return reply(new RobotReply(invalid.errcode(), invalid.errmsg()));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(READ_LIMIT);
        }
        return reply(sessions.send(request.getParameter("session"), caller.orElse(null), new RobotCall(null, null,
                null, request.getContentType(), body, body.length >= READ_LIMIT, request.getRemoteAddr())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<RobotReply> failed(Exception e) {
        log.error("Session webhook call failed", e);
        return reply(new RobotReply(-1, "busy"));
    }

    /** The app key of a valid app token, or empty. */
    private Optional<String> appKey(String token, String ip) {
        try {
            return resolvers.stream().filter(r -> r.accepts(token)).findFirst()
                    .flatMap(r -> r.resolve(token, ip))
                    .filter(actor -> actor.kind() == ActorKind.APP).map(Actor::userId);
        } catch (LantauException refused) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<RobotReply> reply(RobotReply reply) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply);
    }
}
