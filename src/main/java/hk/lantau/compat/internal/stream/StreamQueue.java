package hk.lantau.compat.internal.stream;

import static hk.lantau.compat.internal.stream.StreamTickets.utc;

import hk.lantau.shared.Tokens;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Events waiting for an app's acknowledgement, one row per app and event. Sending claims a row for
 * the redelivery window in a conditional update, so of several connections (on any nodes) one sends
 * it; an acknowledgement deletes it.
 */
@Repository
class StreamQueue {

    private final JdbcClient jdbc;

    StreamQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One queued event; {@code data} is its JSON. */
    record Message(long id, String messageId, String eventId, String eventType, String corpId, Instant bornAt,
                   String data) {
    }

    void enqueue(long tenantId, long appId, String eventId, String eventType, String corpId, Instant bornAt,
                 String data, Instant now) {
        jdbc.sql("""
                insert into cpt_stream_message (tenant_id, app_id, message_id, event_id, event_type, corp_id,
                                                born_at, data, created_at, due_at)
                values (:tenantId, :appId, :messageId, :eventId, :eventType, :corpId, :bornAt, :data, :now, :now)""")
                .param("tenantId", tenantId).param("appId", appId).param("messageId", Tokens.randomHex(16))
                .param("eventId", eventId).param("eventType", eventType).param("corpId", corpId)
                .param("bornAt", utc(bornAt)).param("data", data).param("now", utc(now)).update();
    }

    /** Messages of the app due now, oldest first. */
    List<Message> due(long tenantId, long appId, Instant now, int limit) {
        return jdbc.sql("""
                select id, message_id, event_id, event_type, corp_id, born_at, data from cpt_stream_message
                 where tenant_id = :tenantId and app_id = :appId and due_at <= :now
                 order by id limit :limit""")
                .param("tenantId", tenantId).param("appId", appId).param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("message_id"),
                        rs.getString("event_id"), rs.getString("event_type"), rs.getString("corp_id"),
                        rs.getObject("born_at", OffsetDateTime.class).toInstant(), rs.getString("data")))
                .list();
    }

    /** Claims a due message for sending on a connection until {@code until}; false when another took it. */
    boolean claim(long tenantId, long id, Instant now, Instant until, String connectionId) {
        return jdbc.sql("""
                update cpt_stream_message set due_at = :until, attempts = attempts + 1, sent_on = :connection
                 where id = :id and tenant_id = :tenantId and due_at <= :now""")
                .param("until", utc(until)).param("connection", connectionId).param("id", id)
                .param("tenantId", tenantId).param("now", utc(now)).update() == 1;
    }

    /** The app acknowledged the message: it is delivered. */
    boolean acknowledge(long tenantId, long appId, String messageId) {
        return jdbc.sql("""
                delete from cpt_stream_message
                 where tenant_id = :tenantId and app_id = :appId and message_id = :messageId""")
                .param("tenantId", tenantId).param("appId", appId).param("messageId", messageId).update() == 1;
    }

    /** A connection closed: what it was sent and did not acknowledge is due again at once. */
    int release(long tenantId, long appId, String connectionId, Instant now) {
        return jdbc.sql("""
                update cpt_stream_message set due_at = :now, sent_on = null
                 where tenant_id = :tenantId and app_id = :appId and sent_on = :connection and due_at > :now""")
                .param("now", utc(now)).param("tenantId", tenantId).param("appId", appId)
                .param("connection", connectionId).update();
    }

    /** Drops a message that cannot be delivered (larger than a frame may be). */
    void drop(long tenantId, long id) {
        jdbc.sql("delete from cpt_stream_message where id = :id and tenant_id = :tenantId")
                .param("id", id).param("tenantId", tenantId).update();
    }

    /** Deletes up to {@code batch} messages queued before {@code cutoff} and never acknowledged. */
    int purge(Instant cutoff, int batch) {
        return jdbc.sql("""
                delete from cpt_stream_message where id in (
                    select id from cpt_stream_message where created_at < :cutoff order by id limit :batch)""")
                .param("cutoff", utc(cutoff)).param("batch", batch).update();
    }
}
