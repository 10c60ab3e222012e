package hk.lantau.messaging.internal.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageState;
import hk.lantau.messaging.internal.sql.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Messages of conversations; every statement is scoped to one organisation and conversation. */
@Repository
class MessageRepository {

    private static final String COLUMNS = "id, conversation_id, seq, author_kind, author_id, author_name, kind, "
            + "content, mention_all, mentions, reply_to_seq, client_message_id, state, sent_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MessageRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long tenantId, StoredMessage m) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into msg_message (tenant_id, conversation_id, seq, author_kind, author_id, author_name, kind, "
                        + "content, mention_all, mentions, reply_to_seq, client_message_id, state, sent_at) values "
                        + "(:tenant, :conversation, :seq, :authorKind, :authorId, :authorName, :kind, :content, "
                        + ":all, :mentions, :replyTo, :clientId, :state, :sentAt)")
                .param("tenant", tenantId).param("conversation", m.conversationId()).param("seq", m.seq())
                .param("authorKind", m.author().kind().name()).param("authorId", m.author().id())
                .param("authorName", m.author().name()).param("kind", m.kind()).param("content", m.content())
                .param("all", m.mentionAll()).param("mentions", m.mentions().isEmpty() ? null : write(m.mentions()))
                .param("replyTo", m.replyToSeq()).param("clientId", m.clientMessageId())
                .param("state", m.state().name()).param("sentAt", Timestamp.from(m.sentAt()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<StoredMessage> find(long tenantId, String conversationId, long id) {
        return jdbc.sql("select " + COLUMNS + " from msg_message where tenant_id = :tenant "
                        + "and conversation_id = :conversation and id = :id")
                .param("tenant", tenantId).param("conversation", conversationId).param("id", id)
                .query(this::message).optional();
    }

    Optional<StoredMessage> findByClientId(long tenantId, String conversationId, MessageAuthor author,
                                           String clientMessageId) {
        return jdbc.sql("select " + COLUMNS + " from msg_message where tenant_id = :tenant "
                        + "and conversation_id = :conversation and author_kind = :kind and author_id = :author "
                        + "and client_message_id = :clientId")
                .param("tenant", tenantId).param("conversation", conversationId)
                .param("kind", author.kind().name()).param("author", author.id()).param("clientId", clientMessageId)
                .query(this::message).optional();
    }

    /** Messages with {@code from < seq < to}, newest first when {@code newestFirst}, at most {@code limit}. */
    List<StoredMessage> range(long tenantId, String conversationId, long from, long to, boolean newestFirst,
                              int limit) {
        return jdbc.sql("select " + COLUMNS + " from msg_message where tenant_id = :tenant "
                        + "and conversation_id = :conversation and seq > :from and seq < :to order by seq "
                        + (newestFirst ? "desc" : "asc") + " limit :limit")
                .param("tenant", tenantId).param("conversation", conversationId).param("from", from)
                .param("to", to).param("limit", limit).query(this::message).list();
    }

    /** The messages of these seqs, by seq (replied-to and last messages). */
    Map<Long, StoredMessage> bySeq(long tenantId, String conversationId, Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from msg_message where tenant_id = :tenant "
                        + "and conversation_id = :conversation and seq in (:seqs)")
                .param("tenant", tenantId).param("conversation", conversationId).param("seqs", seqs)
                .query(this::message).list().stream()
                .collect(Collectors.toMap(StoredMessage::seq, Function.identity()));
    }

    /** The people who wrote messages with {@code from < seq <= to}: those who see a read position pass them. */
    Set<String> peopleWhoWrote(long tenantId, String conversationId, long from, long to) {
        return new TreeSet<>(jdbc.sql("select distinct author_id from msg_message where tenant_id = :tenant "
                        + "and conversation_id = :conversation and seq > :from and seq <= :to and author_kind = 'USER'")
                .param("tenant", tenantId).param("conversation", conversationId).param("from", from).param("to", to)
                .query(String.class).list());
    }

    /** Makes a message a tombstone: its content and mentions are deleted, not hidden. */
    void erase(long tenantId, String conversationId, long id, MessageState state, Instant at) {
        jdbc.sql("update msg_message set content = null, mentions = null, mention_all = false, state = :state, "
                        + "changed_at = :at where tenant_id = :tenant and conversation_id = :conversation and id = :id")
                .param("state", state.name()).param("at", Timestamp.from(at)).param("tenant", tenantId)
                .param("conversation", conversationId).param("id", id).update();
    }

    private StoredMessage message(ResultSet rs, int n) throws SQLException {
        long replyTo = rs.getLong("reply_to_seq");
        Long replyToSeq = rs.wasNull() ? null : replyTo;
        String mentions = rs.getString("mentions");
        return new StoredMessage(rs.getLong("id"), rs.getString("conversation_id"), rs.getLong("seq"),
                new MessageAuthor(MessageAuthor.Kind.valueOf(rs.getString("author_kind")), rs.getString("author_id"),
                        rs.getString("author_name")),
                rs.getString("kind"), rs.getString("content"), rs.getBoolean("mention_all"),
                mentions == null ? List.of() : read(mentions), replyToSeq, rs.getString("client_message_id"),
                MessageState.valueOf(rs.getString("state")), SqlTimes.instant(rs, "sent_at"));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String values) {
        try {
            return json.readValue(values, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored mentions are not a JSON list", e);
        }
    }
}
