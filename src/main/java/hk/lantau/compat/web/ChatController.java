package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.lantau.compat.AppChats;
import hk.lantau.messaging.Chat;
import hk.lantau.messaging.ConversationInfo;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberView;
import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.PostedMessage;
import hk.lantau.openplatform.AppView;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's group chat API ({@code /chat/create}, {@code /chat/get}, {@code /chat/send}) onto
 * messaging's groups. The app creates a group for people (the owner and members are people) and
 * then reads it and posts in it as itself; as in DingTalk, other groups do not exist for it. A
 * {@code chatid} is Lantau's conversation id, which is also the {@code openConversationId}.
 */
@RestController
class ChatController {

    /** DingTalk's {@code conversationTag} of an organisation's internal group. */
    private static final int INTERNAL_GROUP = 2;
    /** Above this many members only the owner and admins may mention everyone (messaging's rule). */
    private static final int MENTION_ALL_OPEN_UP_TO = 50;

    private final AppChats chats;
    private final Chat chat;
    private final Conversations conversations;
    private final CallingApp apps;

    ChatController(AppChats chats, Chat chat, Conversations conversations, CallingApp apps) {
        this.chats = chats;
        this.chat = chat;
        this.conversations = conversations;
        this.apps = apps;
    }

    @RequiresScope(Scope.CHAT_WRITE)
    @PostMapping("/chat/create")
    ResponseEntity<Map<String, Object>> create(DingTalkRequest body) {
        Actor actor = CurrentActor.get();
        long tenantId = actor.requireTenant();
        AppView app = apps.of(actor);
        String name = body.requireText("name");
        String owner = body.requireText("owner");
        List<String> members = body.texts("useridlist");
        if (members == null || members.isEmpty()) {
            throw DingTalkException.missingParameter("useridlist");
        }
        ConversationView group = chats.create(tenantId, app.id(), owner, name, members);
        return OldReply.with(Wire.object()
                .put("chatid", group.id())
                .put("openConversationId", group.id())
                .put("conversationTag", INTERNAL_GROUP).map());
    }

    @RequiresScope(Scope.CHAT_WRITE)
    @GetMapping("/chat/get")
    ResponseEntity<Map<String, Object>> get(DingTalkRequest body) {
        Actor actor = CurrentActor.get();
        long tenantId = actor.requireTenant();
        AppView app = apps.of(actor);
        ConversationInfo group = appGroup(tenantId, app, chatId(body));
        List<String> members = group.ownerId() == null ? List.of()
                : conversations.members(tenantId, group.ownerId(), group.id()).stream()
                        .map(MemberView::userId).toList();
        Map<String, Object> info = Wire.object()
                .put("chatid", group.id())
                .put("name", group.name())
                .put("owner", group.ownerId())
                .put("useridlist", members)
                .put("agentidlist", List.of(Long.toString(app.id())))
                .put("conversationTag", INTERNAL_GROUP)
                .put("status", group.dismissed() ? 2 : 1)
                .put("showHistoryType", 0)
                .put("searchable", 0)
                .put("validationType", 0)
                .put("mentionAllAuthority", group.memberCount() > MENTION_ALL_OPEN_UP_TO ? 1 : 0)
                .put("managementType", 1)
                .put("chatBannedType", 0)
                .map();
        return OldReply.with(Map.of("chat_info", info));
    }

    @RequiresScope(Scope.CHAT_WRITE)
    @PostMapping("/chat/send")
    ResponseEntity<Map<String, Object>> send(DingTalkRequest body) {
        Actor actor = CurrentActor.get();
        long tenantId = actor.requireTenant();
        AppView app = apps.of(actor);
        ConversationInfo group = appGroup(tenantId, app, chatId(body));
        PostedMessage posted = chat.post(tenantId, group.id(), author(app), DingTalkMsg.content(msg(body)),
                Mentions.NONE, null);
        return OldReply.with(Map.of("messageId", Long.toString(posted.id())));
    }

    static MessageAuthor author(AppView app) {
        return new MessageAuthor(MessageAuthor.Kind.APP, app.appKey(), app.name());
    }

    private static String chatId(DingTalkRequest body) {
        String chatId = body.text("chatid");
        if (chatId == null || chatId.isBlank()) {
            throw DingTalkException.business(49000, "缺少参数 chatid", 400, "MissingParameter");
        }
        return chatId.strip();
    }

    private ConversationInfo appGroup(long tenantId, AppView app, String chatId) {
        if (!chats.createdBy(tenantId, app.id(), chatId)) {
            throw chatNotFound();
        }
        return chat.conversation(tenantId, chatId).orElseThrow(ChatController::chatNotFound);
    }

    static DingTalkException chatNotFound() {
        return DingTalkException.business(40016, "不合法的chatid", 404, "invalid.openConversationId");
    }

    /** {@code msg}, or the SDK's other form: {@code msgtype} and the type's object at the top level. */
    private static JsonNode msg(DingTalkRequest body) {
        JsonNode msg = body.jsonObject("msg");
        if (msg != null) {
            return msg;
        }
        String type = body.text("msgtype");
        if (type == null || type.isBlank()) {
            throw DingTalkException.missingParameter("msg");
        }
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        flat.put("msgtype", type);
        JsonNode content = body.jsonObject(type);
        if (content != null) {
            flat.set(type, content);
        }
        return flat;
    }
}
