package hk.lantau.compat.internal;

import hk.lantau.compat.AppChats;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AppChatService implements AppChats {

    private final Conversations conversations;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher audit;
    private final Clock clock;

    AppChatService(Conversations conversations, JdbcClient jdbc, ApplicationEventPublisher audit, Clock clock) {
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ConversationView create(long tenantId, long appId, String ownerId, String name, List<String> memberIds) {
        ConversationView group = conversations.createGroup(tenantId, ownerId, name, memberIds);
        jdbc.sql("insert into cpt_app_chat (tenant_id, conversation_id, app_id, created_at) values (?, ?, ?, ?)")
                .params(tenantId, group.id(), appId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        audit.publishEvent(new CompatAudit(tenantId, "compat.chat.created", "conversation", group.id(),
                Map.of("appId", appId, "owner", ownerId, "members", group.memberCount())));
        return group;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean createdBy(long tenantId, long appId, String conversationId) {
        return jdbc.sql("select count(*) from cpt_app_chat where tenant_id = ? and conversation_id = ? and app_id = ?")
                .params(tenantId, conversationId, appId).query(Long.class).single() > 0;
    }
}
