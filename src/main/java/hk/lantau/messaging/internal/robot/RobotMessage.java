package hk.lantau.messaging.internal.robot;

import hk.lantau.messaging.MessageContent;
import java.util.List;

/**
 * A robot call's message, read: what to post, the text keywords are looked for in, who it
 * mentions (as sent, not yet checked) and its idempotency key.
 */
record RobotMessage(MessageContent content, String searchableText, List<String> atMobiles, List<String> atUserIds,
                    boolean atAll, String msgUuid) {

    RobotMessage {
        atMobiles = List.copyOf(atMobiles);
        atUserIds = List.copyOf(atUserIds);
    }
}
