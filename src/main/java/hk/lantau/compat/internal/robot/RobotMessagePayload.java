package hk.lantau.compat.internal.robot;

import hk.lantau.messaging.RobotsMentioned;
import hk.lantau.openplatform.AppView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DingTalk's robot message (the HTTP body and the Stream callback's data) for a mention in a group.
 * Lantau has one id per person, so {@code senderId}, {@code dingtalkId} and {@code staffId} are all the
 * userid; the robot's {@code chatbotUserId} and {@code robotCode} are the app key.
 */
final class RobotMessagePayload {

    private RobotMessagePayload() {
    }

    record Context(String corpId, String conversationTitle, boolean senderIsAdmin, String sessionWebhook,
                   long sessionExpiresAtMillis) {
    }

    static Map<String, Object> of(RobotsMentioned event, AppView app, Context context) {
        List<Map<String, Object>> atUsers = new ArrayList<>();
        atUsers.add(Map.of("dingtalkId", app.appKey()));
        for (String userId : event.mentionedUserIds()) {
            atUsers.add(Map.of("dingtalkId", userId, "staffId", userId));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", event.conversationId());
        body.put("conversationType", "2");
        body.put("conversationTitle", context.conversationTitle());
        body.put("atUsers", atUsers);
        body.put("chatbotCorpId", context.corpId());
        body.put("chatbotUserId", app.appKey());
        body.put("robotCode", app.appKey());
        body.put("msgId", Long.toString(event.messageId()));
        body.put("msgtype", "text");
        body.put("text", Map.of("content", event.text()));
        body.put("senderId", event.senderId());
        body.put("senderStaffId", event.senderId());
        body.put("senderNick", event.senderName());
        body.put("senderCorpId", context.corpId());
        body.put("isAdmin", context.senderIsAdmin());
        body.put("isInAtList", true);
        body.put("createAt", event.sentAt().toEpochMilli());
        body.put("sessionWebhook", context.sessionWebhook());
        body.put("sessionWebhookExpiredTime", context.sessionExpiresAtMillis());
        return body;
    }
}
