package hk.lantau.messaging.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.StreamedEvent;
import hk.lantau.messaging.UserEvents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Streams kept in the database. Recipients' stream rows are locked in userid order, so two
 * events for overlapping groups of people queue behind each other instead of deadlocking, and
 * each person's sequence has no gaps and no repeats.
 */
@Service
class UserEventLog implements UserEvents {

    /**
     * Recipients handled per statement: keeps IN lists and batches to a size every database takes.
     * A whole group of the largest size fits in one: on PostgreSQL two 500-person lists were seen
     * to cost up to ten times one of 1,000, in planning rather than rows (docs/performance.md).
     */
    static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;
    private final Clock clock;
    private final Fanout fanout;

    UserEventLog(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json, Clock clock, Fanout fanout) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.clock = clock;
        this.fanout = fanout;
    }

    @Override
    @Transactional
    public long append(long tenantId, Collection<String> userIds, String type, Object payload) {
        List<String> recipients = userIds.stream().distinct().sorted().toList();
        String body = serialise(payload);
        Instant now = clock.instant();
        long eventId = insertEvent(tenantId, type, body, now);
        Map<String, Long> sequences = new HashMap<>();
        for (int from = 0; from < recipients.size(); from += CHUNK) {
            List<String> chunk = recipients.subList(from, Math.min(recipients.size(), from + CHUNK));
            sequences.putAll(advance(tenantId, chunk, eventId));
        }
        LiveEvent live = new LiveEvent(tenantId, eventId, type, body, now.toEpochMilli(), sequences);
        afterCommit(() -> fanout.publish(live));
        return eventId;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StreamedEvent> since(long tenantId, String userId, long afterSeq, int limit) {
        return jdbc.sql("""
                        select s.seq, e.id, e.type, e.created_at, e.payload
                          from msg_stream_event s join msg_event e on e.id = s.event_id
                         where s.tenant_id = :tenant and s.user_id = :user and s.seq > :after
                         order by s.seq
                         limit :limit""")
                .param("tenant", tenantId).param("user", userId).param("after", afterSeq).param("limit", limit)
                .query((rs, n) -> new StreamedEvent(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long lastSequence(long tenantId, String userId) {
        return jdbc.sql("select last_seq from msg_stream where tenant_id = :tenant and user_id = :user")
                .param("tenant", tenantId).param("user", userId)
                .query(Long.class).optional().orElse(0L);
    }

    @Override
    @Transactional
    public int forget(long tenantId, String userId) {
        int events = person("select count(*) from msg_stream_event where tenant_id = :tenant and user_id = :user",
                tenantId, userId).query(Integer.class).single();
        person("""
                delete from msg_event where id in (
                    select s.event_id from msg_stream_event s
                     where s.tenant_id = :tenant and s.user_id = :user
                       and not exists (select 1 from msg_stream_event o where o.event_id = s.event_id
                                          and (o.tenant_id <> s.tenant_id or o.user_id <> s.user_id)))""",
                tenantId, userId).update();
        person("delete from msg_stream_event where tenant_id = :tenant and user_id = :user", tenantId, userId)
                .update();
        return events + person("delete from msg_stream where tenant_id = :tenant and user_id = :user",
                tenantId, userId).update();
    }

    private JdbcClient.StatementSpec person(String sql, long tenantId, String userId) {
        return jdbc.sql(sql).param("tenant", tenantId).param("user", userId);
    }

    private long insertEvent(long tenantId, String type, String body, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into msg_event (tenant_id, type, payload, created_at) values (:tenant, :type, :payload, :at)")
                .param("tenant", tenantId).param("type", type).param("payload", body)
                .param("at", Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Takes the next sequence number of each person in the chunk and files the event under it. */
    private Map<String, Long> advance(long tenantId, List<String> chunk, long eventId) {
        Map<String, Long> last = lockStreams(tenantId, chunk);
        if (last.size() < chunk.size()) {
            List<Object[]> missing = new ArrayList<>();
            for (String user : chunk) {
                if (!last.containsKey(user)) {
                    missing.add(new Object[] {tenantId, user});
                }
            }
            template.batchUpdate("insert into msg_stream (tenant_id, user_id, last_seq) values (?, ?, 0) "
                    + "on conflict do nothing", missing);
            last = lockStreams(tenantId, chunk);
        }
        jdbc.sql("update msg_stream set last_seq = last_seq + 1 where tenant_id = :tenant and user_id in (:users)")
                .param("tenant", tenantId).param("users", chunk).update();
        Map<String, Long> next = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (String user : chunk) {
            long seq = last.get(user) + 1;
            next.put(user, seq);
            rows.add(new Object[] {tenantId, user, seq, eventId});
        }
        template.batchUpdate("insert into msg_stream_event (tenant_id, user_id, seq, event_id) values (?, ?, ?, ?)",
                rows);
        return next;
    }

    private Map<String, Long> lockStreams(long tenantId, List<String> users) {
        Map<String, Long> last = new HashMap<>();
        jdbc.sql("""
                        select user_id, last_seq from msg_stream
                         where tenant_id = :tenant and user_id in (:users)
                         order by user_id
                         for update""")
                .param("tenant", tenantId).param("users", users)
                .query(rs -> {
                    last.put(rs.getString(1), rs.getLong(2));
                });
        return last;
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be written as JSON", e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
