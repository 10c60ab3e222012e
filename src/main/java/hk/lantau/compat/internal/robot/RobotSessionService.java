package hk.lantau.compat.internal.robot;

import hk.lantau.compat.RobotSessions;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.RobotCall;
import hk.lantau.messaging.RobotReply;
import hk.lantau.messaging.RobotSender;
import hk.lantau.messaging.RobotWebhook;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the sessions handed out with robot messages and posts the app's answers through them, with
 * the custom robot's content checks and its rate: 20 messages a minute per app robot, then a
 * 10-minute block, counted in the transaction that posts.
 */
@Service
class RobotSessionService implements RobotSessions {

    static final int PER_MINUTE = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration BLOCK = Duration.ofMinutes(10);
    private static final int MAX_SESSION = 200;

    private final AppRobotRepository rows;
    private final Apps apps;
    private final RobotWebhook webhook;
    private final Clock clock;

    RobotSessionService(AppRobotRepository rows, Apps apps, RobotWebhook webhook, Clock clock) {
        this.rows = rows;
        this.apps = apps;
        this.webhook = webhook;
        this.clock = clock;
    }

    /** A new session for the app in the conversation: the parameter to hand out, and when it ends. */
    @Transactional
    public Issued issue(long tenantId, long appId, String conversationId) {
        Instant now = clock.instant();
        rows.forgetExpiredSessions(tenantId, now);
        rows.ensure(tenantId, appId, now);
        String session = Tokens.randomHex(32);
        Instant expires = now.plus(LIFETIME);
        rows.insertSession(Tokens.sha256Hex(session),
                new AppRobotRepository.Session(tenantId, appId, conversationId, expires), now);
        return new Issued(session, expires);
    }

    record Issued(String session, Instant expiresAt) {
    }

    @Override
    public RobotReply send(String session, String callerAppKey, RobotCall call) {
        if (session == null || session.isBlank()) {
            return new RobotReply(400101, "session is missing");
        }
        Optional<AppRobotRepository.Session> found = session.length() > MAX_SESSION ? Optional.empty()
                : rows.session(Tokens.sha256Hex(session.strip()))
                .filter(s -> clock.instant().isBefore(s.expiresAt()));
        if (found.isEmpty()) {
            return unknown();
        }
        AppRobotRepository.Session bound = found.get();
        Optional<AppView> app = apps.find(bound.tenantId(), bound.appId());
        if (app.isEmpty() || (callerAppKey != null && !callerAppKey.equals(app.get().appKey()))) {
            return unknown();
        }
        if (!app.get().active()) {
            return new RobotReply(400102, "robot is disabled");
        }
        return webhook.sendAs(sender(bound.tenantId(), app.get(), bound.conversationId()), call);
    }

    /** The app's robot posting into the conversation, rated per app. */
    RobotSender sender(long tenantId, AppView app, String conversationId) {
        return new RobotSender(tenantId, conversationId,
                new MessageAuthor(MessageAuthor.Kind.APP, app.appKey(), app.name()), () -> admit(tenantId, app.id()));
    }

    /** Counts one message in the app robot's window; false when it is sending too fast. Runs in the post's transaction. */
    private boolean admit(long tenantId, long appId) {
        Instant now = clock.instant();
        rows.ensure(tenantId, appId, now);
        AppRobotRepository.Window window = rows.lockWindow(tenantId, appId).orElseThrow();
        if (window.blockedUntil() != null && now.isBefore(window.blockedUntil())) {
            return false;
        }
        Instant start = window.start();
        int count = window.count();
        if (start == null || !now.isBefore(start.plus(WINDOW))) {
            start = now;
            count = 0;
        }
        if (count >= PER_MINUTE) {
            rows.saveWindow(tenantId, appId, new AppRobotRepository.Window(null, 0, now.plus(BLOCK)));
            return false;
        }
        rows.saveWindow(tenantId, appId, new AppRobotRepository.Window(start, count + 1, null));
        return true;
    }

    private static RobotReply unknown() {
        return new RobotReply(300001, "session is not exist");
    }
}
