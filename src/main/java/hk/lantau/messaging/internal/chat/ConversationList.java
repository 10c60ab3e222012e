package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.internal.sql.PageCursor;
import hk.lantau.shared.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's conversations as they see them: the most recently active first, with the last
 * message, the unread count (messages after their read position) and whether one mentions them.
 */
@Component
class ConversationList {

    static final int MAX_PAGE = 100;

    private static final String SELECT = """
            select c.tenant_id, c.id, c.kind, c.name, c.owner_id, c.pair_key, c.department_id, c.last_seq,
                   c.member_count, c.dismissed, c.created_at, c.last_activity,
                   m.name as my_name, m.role, m.joined_seq, m.read_seq, m.mention_seq, p.user_id as peer_id, p.name as peer_name
              from msg_member m
              join msg_conversation c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
              left join msg_member p on c.kind = 'DIRECT' and p.tenant_id = c.tenant_id
                   and p.conversation_id = c.id and p.user_id <> m.user_id
             where m.tenant_id = :tenant and m.user_id = :user""";

    private final JdbcClient jdbc;
    private final MessageRepository messages;
    private final MessageViews views;

    ConversationList(JdbcClient jdbc, MessageRepository messages, MessageViews views) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.views = views;
    }

    ConversationView view(long tenantId, String userId, String conversationId) {
        Row row = jdbc.sql(SELECT + " and c.id = :id").param("tenant", tenantId).param("user", userId)
                .param("id", conversationId).query(ConversationList::row).optional()
                .orElseThrow(ChatErrors::conversationNotFound);
        return views(tenantId, List.of(row)).get(0);
    }

    CursorPage<ConversationView> page(long tenantId, String userId, String cursor, int limit) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        var spec = cursor == null ? jdbc.sql(SELECT + " order by c.last_activity desc, c.id limit :limit")
                : jdbc.sql(SELECT + " and (c.last_activity < :at or (c.last_activity = :at and c.id > :after))"
                        + " order by c.last_activity desc, c.id limit :limit");
        if (cursor != null) {
            List<String> position = PageCursor.decode(cursor, 3, "messaging.cursor_invalid");
            spec = spec.param("at", Timestamp.from(at(position))).param("after", position.get(2));
        }
        List<Row> rows = spec.param("tenant", tenantId).param("user", userId).param("limit", size + 1)
                .query(ConversationList::row).list();
        boolean more = rows.size() > size;
        List<Row> items = more ? rows.subList(0, size) : rows;
        String next = more ? PageCursor.encode(items.get(size - 1).conversation().lastActivity().getEpochSecond(),
                items.get(size - 1).conversation().lastActivity().getNano(), items.get(size - 1).conversation().id()) : null;
        return new CursorPage<>(views(tenantId, items), next);
    }

    /** A cursor's last activity: seconds and nanoseconds, so that no precision is lost. */
    private static Instant at(List<String> position) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(position.get(0)), Long.parseLong(position.get(1)));
        } catch (NumberFormatException e) {
            throw PageCursor.invalid("messaging.cursor_invalid");
        }
    }

    private List<ConversationView> views(long tenantId, List<Row> rows) {
        List<ConversationView> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            StoredConversation c = row.conversation();
            MessageView last = null;
            if (c.lastSeq() > row.joinedSeq()) {
                StoredMessage message = messages.bySeq(tenantId, c.id(), List.of(c.lastSeq())).get(c.lastSeq());
                last = message == null ? null : views.preview(message);
            }
            // A direct conversation is named after the other person; one's notes to oneself after oneself.
            String name = c.kind() != ConversationKind.DIRECT ? c.name()
                    : row.peerName() != null ? row.peerName() : row.myName();
            result.add(new ConversationView(c.id(), c.kind(), name, row.peerId(), c.ownerId(), c.departmentId(),
                    c.memberCount(), c.dismissed(), c.kind() == ConversationKind.DIRECT ? null : row.role(),
                    c.lastSeq(), row.readSeq(), Math.max(0, c.lastSeq() - row.readSeq()),
                    row.mentionSeq() > row.readSeq(), last, c.lastActivity(), c.createdAt()));
        }
        return result;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(ConversationRepository.conversation(rs, n), MemberRole.valueOf(rs.getString("role")),
                rs.getLong("joined_seq"), rs.getLong("read_seq"), rs.getLong("mention_seq"), rs.getString("peer_id"),
                rs.getString("peer_name"), rs.getString("my_name"));
    }

    private record Row(StoredConversation conversation, MemberRole role, long joinedSeq, long readSeq,
                       long mentionSeq, String peerId, String peerName, String myName) {
    }
}
