package hk.lantau.compat;

import hk.lantau.messaging.RobotCall;
import hk.lantau.messaging.RobotReply;
import java.time.Duration;

/**
 * The {@code sessionWebhook} of DingTalk's robot messages: a session parameter, handed to an app with
 * each message its robot receives, that lets the app answer in that conversation as its robot for
 * {@link #LIFETIME}. It is bound to the organisation, the app and the conversation.
 */
public interface RobotSessions {

    /** DingTalk's sessions last about 90 minutes (its documented example: 5,402 seconds). */
    Duration LIFETIME = Duration.ofMinutes(90);

    /**
     * Posts a body of the custom robot's protocol through a session. {@code callerAppKey} is the app
     * whose token came with the call, or null when none did; a token of another app is refused like
     * an unknown session. Every outcome is a {@link RobotReply}.
     */
    RobotReply send(String session, String callerAppKey, RobotCall call);
}
