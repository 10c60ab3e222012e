package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.messaging.Audience;
import hk.lantau.messaging.NewNotification;
import hk.lantau.messaging.NotificationRecipient;
import hk.lantau.messaging.NotificationTask;
import hk.lantau.messaging.RecipientState;
import hk.lantau.messaging.WorkNotifications;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's work notifications ({@code /topapi/message/corpconversation/...}) onto Lantau's work
 * notifications, sent as the calling app: its {@code agent_id} is the app's Lantau id, a
 * {@code task_id} is the notification's id, visible only to the app that sent it.
 */
@RestController
class WorkNotificationController {

    private static final int PAGE = 1_000;

    private final WorkNotifications notifications;
    private final CallingApp apps;

    WorkNotificationController(WorkNotifications notifications, CallingApp apps) {
        this.notifications = notifications;
        this.apps = apps;
    }

    @RequiresScope(Scope.NOTIFICATION_SEND)
    @PostMapping("/topapi/message/corpconversation/asyncsend_v2")
    ResponseEntity<Map<String, Object>> send(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.NOTIFICATIONS_SEND);
        long tenantId = app.requireTenant();
        apps.withAgentId(app, body.requireNumber("agent_id"));
        JsonNode msg = body.jsonObject("msg");
        if (msg == null) {
            throw DingTalkException.missingParameter("msg");
        }
        boolean everyone = Boolean.TRUE.equals(body.bool("to_all_user"));
        Audience audience = new Audience(body.texts("userid_list"), body.numbers("dept_id_list"), everyone);
        NotificationTask task = notifications.send(tenantId, new NewNotification(DingTalkMsg.content(msg), audience));
        return OldReply.with(Map.of("task_id", task.id()));
    }

    @RequiresScope(Scope.NOTIFICATION_SEND)
    @PostMapping("/topapi/message/corpconversation/getsendprogress")
    ResponseEntity<Map<String, Object>> progress(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.NOTIFICATIONS_SEND);
        apps.withAgentId(app, body.requireNumber("agent_id"));
        NotificationTask task = notifications.task(app.requireTenant(), body.requireNumber("task_id"));
        return OldReply.with(Map.of("progress", Wire.object()
                .put("progress_in_percent", task.progress().percent())
                .put("status", task.progress().status()).map()));
    }

    @RequiresScope(Scope.NOTIFICATION_SEND)
    @PostMapping("/topapi/message/corpconversation/getsendresult")
    ResponseEntity<Map<String, Object>> result(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.NOTIFICATIONS_SEND);
        long tenantId = app.requireTenant();
        apps.withAgentId(app, body.requireNumber("agent_id"));
        NotificationTask task = notifications.task(tenantId, body.requireNumber("task_id"));
        List<NotificationRecipient> forbidden = all(tenantId, task.id(), RecipientState.FORBIDDEN);
        List<Map<String, Object>> forbiddenList = forbidden.stream().map(r -> Wire.object()
                .put("code", r.forbiddenCode() == null ? null : r.forbiddenCode().toString())
                .put("count", 1)
                .put("userid", r.userId()).map()).toList();
        Map<String, Object> result = Wire.object()
                .put("failed_user_id_list", List.of())
                .put("forbidden_list", forbiddenList)
                .put("forbidden_user_id_list", forbidden.stream().map(NotificationRecipient::userId).toList())
                .put("invalid_dept_id_list", task.invalidDepartmentIds())
                .put("invalid_user_id_list", ids(tenantId, task.id(), RecipientState.INVALID))
                .put("read_user_id_list", ids(tenantId, task.id(), RecipientState.READ))
                .put("unread_user_id_list", ids(tenantId, task.id(), RecipientState.UNREAD))
                .map();
        return OldReply.with(Map.of("send_result", result));
    }

    @RequiresScope(Scope.NOTIFICATION_SEND)
    @PostMapping("/topapi/message/corpconversation/recall")
    ResponseEntity<Map<String, Object>> recall(DingTalkRequest body) {
        Actor app = CurrentActor.require(Permission.NOTIFICATIONS_SEND);
        apps.withAgentId(app, body.requireNumber("agent_id"));
        notifications.recall(app.requireTenant(), body.requireNumber("msg_task_id"));
        return OldReply.ok();
    }

    private List<String> ids(long tenantId, long taskId, RecipientState state) {
        return all(tenantId, taskId, state).stream().map(NotificationRecipient::userId).toList();
    }

    /** Every person of one result list; DingTalk answers them in one piece. */
    private List<NotificationRecipient> all(long tenantId, long taskId, RecipientState state) {
        List<NotificationRecipient> all = new ArrayList<>();
        String cursor = null;
        do {
            CursorPage<NotificationRecipient> page = notifications.recipients(tenantId, taskId, state, cursor, PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
