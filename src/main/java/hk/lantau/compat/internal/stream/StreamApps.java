package hk.lantau.compat.internal.stream;

import static hk.lantau.compat.internal.stream.StreamTickets.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The apps that use Stream mode: each opening of a connection records the app with the event
 * topics it subscribed to; events are queued for apps seen within {@code activeFor}.
 */
@Repository
class StreamApps {

    private final JdbcClient jdbc;

    StreamApps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An app that opened a connection, with its event topics separated by newlines. */
    record StreamApp(long appId, List<String> eventTopics) {

        boolean takes(String eventType) {
            return eventTopics.contains("*") || eventTopics.contains(eventType);
        }
    }

    void opened(long tenantId, long appId, List<String> eventTopics, Instant now) {
        String topics = String.join("\n", eventTopics);
        int updated = update(tenantId, appId, topics, now);
        if (updated == 0) {
            try {
                jdbc.sql("""
                        insert into cpt_stream_app (tenant_id, app_id, event_topics, last_opened_at)
                        values (:tenantId, :appId, :topics, :now)""")
                        .param("tenantId", tenantId).param("appId", appId).param("topics", topics)
                        .param("now", utc(now)).update();
            } catch (DuplicateKeyException raced) {
                update(tenantId, appId, topics, now);
            }
        }
    }

    private int update(long tenantId, long appId, String topics, Instant now) {
        return jdbc.sql("""
                update cpt_stream_app set event_topics = :topics, last_opened_at = :now
                 where tenant_id = :tenantId and app_id = :appId""")
                .param("topics", topics).param("now", utc(now)).param("tenantId", tenantId).param("appId", appId)
                .update();
    }

    /** The organisation's apps that opened a connection since {@code since}. */
    List<StreamApp> openedSince(long tenantId, Instant since) {
        return jdbc.sql("""
                select app_id, event_topics from cpt_stream_app
                 where tenant_id = :tenantId and last_opened_at >= :since order by app_id""")
                .param("tenantId", tenantId).param("since", utc(since))
                .query((rs, n) -> new StreamApp(rs.getLong("app_id"), topics(rs.getString("event_topics"))))
                .list();
    }

    private static List<String> topics(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
