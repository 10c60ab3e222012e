package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.compat.AppChats;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.Audience;
import hk.lantau.messaging.Chat;
import hk.lantau.messaging.ConversationInfo;
import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.NewNotification;
import hk.lantau.messaging.NotificationTask;
import hk.lantau.messaging.PostedMessage;
import hk.lantau.messaging.WorkNotifications;
import hk.lantau.openplatform.AppView;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's robot messages ({@code /v1.0/robot/...}). The robot is the app itself: its
 * {@code robotCode} is the app key. One-to-one messages are work notifications from the app;
 * group messages are posted as the app into a group it created with {@code /chat/create}.
 * {@code processQueryKey} is the notification's id, or the posted message's id.
 */
@RestController
class RobotMessageController {

    /** DingTalk's most people per one-to-one batch. */
    private static final int MAX_USERS = 20;

    private final WorkNotifications notifications;
    private final Chat chat;
    private final AppChats chats;
    private final Directory directory;
    private final CallingApp apps;

    RobotMessageController(WorkNotifications notifications, Chat chat, AppChats chats, Directory directory,
                           CallingApp apps) {
        this.notifications = notifications;
        this.chat = chat;
        this.chats = chats;
        this.directory = directory;
        this.apps = apps;
    }

    @RequiresScope(Scope.NOTIFICATION_SEND)
    @PostMapping("/v1.0/robot/oToMessages/batchSend")
    ResponseEntity<Map<String, Object>> batchSend(DingTalkRequest body) {
        Actor actor = CurrentActor.require(Permission.NOTIFICATIONS_SEND);
        long tenantId = actor.requireTenant();
        robot(actor, body);
        List<String> userIds = body.texts("userIds");
        if (userIds == null || userIds.isEmpty()) {
            throw DingTalkException.missingParameter("userIds");
        }
        if (userIds.size() > MAX_USERS) {
            throw new DingTalkException(400002, "userIds names more than " + MAX_USERS + " people", false, 400,
                    "invalidParameter.userIds.overMax");
        }
        MessageContent content = content(body);
        List<String> invalid = userIds.stream()
                .filter(id -> directory.findUser(tenantId, id).filter(DirectoryUser::active).isEmpty())
                .distinct().toList();
        NotificationTask task = notifications.send(tenantId,
                new NewNotification(content, new Audience(userIds, List.of(), false)));
        return newReply(Wire.object()
                .put("processQueryKey", Long.toString(task.id()))
                .put("invalidStaffIdList", invalid)
                .put("flowControlledStaffIdList", List.of()).map());
    }

    @RequiresScope(Scope.CHAT_WRITE)
    @PostMapping("/v1.0/robot/groupMessages/send")
    ResponseEntity<Map<String, Object>> groupSend(DingTalkRequest body) {
        Actor actor = CurrentActor.get();
        long tenantId = actor.requireTenant();
        AppView app = robot(actor, body);
        String conversationId = body.requireText("openConversationId");
        MessageContent content = content(body);
        ConversationInfo group = chats.createdBy(tenantId, app.id(), conversationId)
                ? chat.conversation(tenantId, conversationId).orElse(null) : null;
        if (group == null) {
            throw new DingTalkException(400002, "openConversationId names no group this app created", false, 400,
                    "invalid.openConversationId");
        }
        if (group.dismissed()) {
            throw new DingTalkException(400002, "the group was dismissed", false, 400, "group.disbanded");
        }
        PostedMessage posted = chat.post(tenantId, group.id(), ChatController.author(app), content, Mentions.NONE,
                null);
        return newReply(Map.of("processQueryKey", Long.toString(posted.id())));
    }

    /** The app, after checking that {@code robotCode} is its app key. */
    private AppView robot(Actor actor, DingTalkRequest body) {
        String robotCode = body.text("robotCode");
        if (robotCode == null || robotCode.isBlank()) {
            throw new DingTalkException(400002, "robotCode is empty", false, 400, "invalidParameter.robotCode.empty");
        }
        AppView app = apps.of(actor);
        if (!app.appKey().equals(robotCode.strip())) {
            throw new DingTalkException(400002, "robotCode is not this app's key", false, 400,
                    "invalidParameter.robotCode.notExsit");
        }
        return app;
    }

    private static MessageContent content(DingTalkRequest body) {
        String msgKey = body.text("msgKey");
        if (msgKey == null || msgKey.isBlank()) {
            throw new DingTalkException(400002, "msgKey is empty", false, 400, "invalidParameter.msgKey.invalid");
        }
        JsonNode msgParam;
        try {
            msgParam = body.jsonObject("msgParam");
        } catch (DingTalkException notAnObject) {
            throw new DingTalkException(400002, "msgParam is not a JSON object", false, 400,
                    "invalidParameter.msgParam.invalid");
        }
        if (msgParam == null) {
            throw new DingTalkException(400002, "msgParam is empty", false, 400, "invalidParameter.msgParam.invalid");
        }
        return RobotTemplates.content(msgKey.strip(), msgParam);
    }

    private static ResponseEntity<Map<String, Object>> newReply(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(CompatErrors.NEW_JSON).body(body);
    }
}
