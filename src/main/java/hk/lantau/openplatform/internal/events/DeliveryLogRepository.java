package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.DeliveryAttempt;
import hk.lantau.openplatform.DeliveryQuery;
import hk.lantau.openplatform.DeliveryStatus;
import hk.lantau.openplatform.DeliveryView;
import hk.lantau.openplatform.internal.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery log as admins search it, replays, and the retention purge. */
@Repository
class DeliveryLogRepository {

    private static final String COLUMNS = "id, app_id, subscription_id, event_id, event_type, event_time, status, "
            + "attempts, next_attempt_at, give_up_at, delivered_at";

    private final JdbcClient jdbc;

    DeliveryLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of an app's deliveries, newest event first, after the (event time, id) of {@code after}. */
    List<DeliveryView> search(long tenantId, long appId, DeliveryQuery query, Instant afterTime, Long afterId,
                              int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS
                + " from opf_delivery where tenant_id = :tenantId and app_id = :appId");
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        params.put("appId", appId);
        if (query.subscriptionId() != null) {
            sql.append(" and subscription_id = :subscriptionId");
            params.put("subscriptionId", query.subscriptionId());
        }
        if (query.eventType() != null) {
            sql.append(" and event_type = :eventType");
            params.put("eventType", query.eventType());
        }
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status().name());
        }
        if (query.from() != null) {
            sql.append(" and event_time >= :from");
            params.put("from", Sql.utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and event_time < :to");
            params.put("to", Sql.utc(query.to()));
        }
        if (afterTime != null) {
            sql.append(" and (event_time < :afterTime or (event_time = :afterTime and id < :afterId))");
            params.put("afterTime", Sql.utc(afterTime));
            params.put("afterId", afterId);
        }
        sql.append(" order by event_time desc, id desc limit :limit");
        params.put("limit", limit);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(DeliveryLogRepository::row).list();
        return withAttempts(rows);
    }

    Optional<DeliveryView> find(long tenantId, long appId, long id) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from opf_delivery where tenant_id = :tenantId "
                        + "and app_id = :appId and id = :id")
                .param("tenantId", tenantId).param("appId", appId).param("id", id)
                .query(DeliveryLogRepository::row).list();
        return withAttempts(rows).stream().findFirst();
    }

    /** Makes a delivery due now with a fresh deadline; an attempt in flight no longer settles it. */
    int replay(long tenantId, long id, Instant now, Instant giveUpAt) {
        return jdbc.sql("""
                update opf_delivery set status = :pending, next_attempt_at = :now, give_up_at = :giveUpAt,
                       lease_token = null, lease_until = null, updated_at = :now
                where tenant_id = :tenantId and id = :id and status <> :cancelled""")
                .param("pending", DeliveryStatus.PENDING.name()).param("now", Sql.utc(now))
                .param("giveUpAt", Sql.utc(giveUpAt)).param("tenantId", tenantId).param("id", id)
                .param("cancelled", DeliveryStatus.CANCELLED.name()).update();
    }

    int replayRange(long tenantId, long subscriptionId, Instant from, Instant to, Instant now, Instant giveUpAt) {
        return jdbc.sql("""
                update opf_delivery set status = :pending, next_attempt_at = :now, give_up_at = :giveUpAt,
                       lease_token = null, lease_until = null, updated_at = :now
                where tenant_id = :tenantId and subscription_id = :subscriptionId
                  and event_time >= :from and event_time < :to and status <> :cancelled""")
                .param("pending", DeliveryStatus.PENDING.name()).param("now", Sql.utc(now))
                .param("giveUpAt", Sql.utc(giveUpAt)).param("tenantId", tenantId)
                .param("subscriptionId", subscriptionId).param("from", Sql.utc(from)).param("to", Sql.utc(to))
                .param("cancelled", DeliveryStatus.CANCELLED.name()).update();
    }

    /** Deliveries of a deleted subscription that were still to be sent. */
    int cancelPending(long subscriptionId, Instant now) {
        return jdbc.sql("update opf_delivery set status = :cancelled, lease_token = null, lease_until = null, "
                        + "updated_at = :now where subscription_id = :id and status = :pending")
                .param("cancelled", DeliveryStatus.CANCELLED.name()).param("now", Sql.utc(now))
                .param("id", subscriptionId).param("pending", DeliveryStatus.PENDING.name()).update();
    }

    /**
     * Deletes up to {@code limit} settled deliveries without activity since {@code cutoff}, with
     * their attempts; returns how many deliveries went.
     */
    int purge(Instant cutoff, int limit) {
        List<Long> ids = jdbc.sql("select id from opf_delivery where updated_at < :cutoff and status <> :pending "
                        + "order by id limit :limit")
                .param("cutoff", Sql.utc(cutoff)).param("pending", DeliveryStatus.PENDING.name())
                .param("limit", limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("delete from opf_delivery_attempt where delivery_id in (:ids)").param("ids", ids).update();
        return jdbc.sql("delete from opf_delivery where id in (:ids)").param("ids", ids).update();
    }

    /** Events older than {@code cutoff} that no delivery refers to any more. */
    int purgeEvents(Instant cutoff, int limit) {
        List<String> ids = jdbc.sql("""
                select e.id from opf_event e where e.occurred_at < :cutoff
                  and not exists (select 1 from opf_delivery d where d.event_id = e.id)
                order by e.occurred_at limit :limit""")
                .param("cutoff", Sql.utc(cutoff)).param("limit", limit).query(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from opf_event where id in (:ids)").param("ids", ids).update();
    }

    private List<DeliveryView> withAttempts(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<DeliveryAttempt>> attempts = new HashMap<>();
        jdbc.sql("""
                select delivery_id, attempt, attempted_at, succeeded, status, error, latency_ms, response_body
                from opf_delivery_attempt where delivery_id in (:ids) order by delivery_id, attempted_at, id""")
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    attempts.computeIfAbsent(rs.getLong("delivery_id"), k -> new ArrayList<>()).add(
                            new DeliveryAttempt(rs.getInt("attempt"), Sql.instant(rs, "attempted_at"),
                                    rs.getBoolean("succeeded"), Columns.integer(rs, "status"), rs.getString("error"),
                                    rs.getInt("latency_ms"), rs.getString("response_body")));
                });
        return rows.stream().map(r -> r.view(attempts.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
        return new Row(rs.getLong("id"), rs.getLong("app_id"), rs.getLong("subscription_id"),
                rs.getString("event_id"), rs.getString("event_type"), Sql.instant(rs, "event_time"), status,
                rs.getInt("attempts"), status == DeliveryStatus.PENDING ? Sql.instant(rs, "next_attempt_at") : null,
                Sql.instant(rs, "give_up_at"), Sql.instant(rs, "delivered_at"));
    }

    private record Row(long id, long appId, long subscriptionId, String eventId, String eventType, Instant eventTime,
                       DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant giveUpAt,
                       Instant deliveredAt) {

        DeliveryView view(List<DeliveryAttempt> attemptLog) {
            return new DeliveryView(id, appId, subscriptionId, eventId, eventType, eventTime, status, attempts,
                    nextAttemptAt, giveUpAt, deliveredAt, attemptLog);
        }
    }
}
