package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.AppStatus;
import hk.lantau.openplatform.DeliveryStatus;
import hk.lantau.openplatform.SubscriptionStatus;
import hk.lantau.openplatform.internal.Sql;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries as the outbox writes them and the workers claim and settle them. A claim sets a
 * random lease token and an expiry with a conditional update, so concurrent nodes never claim
 * the same delivery, and a settled attempt counts only while the node still holds the lease.
 */
@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DeliveryRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insertEvent(String id, long tenantId, String type, int version, Instant occurredAt, String body) {
        jdbc.sql("insert into opf_event (id, tenant_id, type, version, occurred_at, body) "
                        + "values (:id, :tenantId, :type, :version, :at, :body)")
                .param("id", id).param("tenantId", tenantId).param("type", type).param("version", version)
                .param("at", Sql.utc(occurredAt)).param("body", body).update();
    }

    /** Writes a delivery, due now; with a lease token it is already claimed by this node. */
    long insert(String eventId, String eventType, Instant eventTime, StoredSubscription subscription, Instant giveUpAt,
                String leaseToken, Instant leaseUntil) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into opf_delivery (tenant_id, app_id, subscription_id, event_id, event_type, event_time,
                                          status, attempts, next_attempt_at, give_up_at, lease_token, lease_until,
                                          created_at, updated_at)
                values (:tenantId, :appId, :subscriptionId, :eventId, :type, :at, :pending, 0, :at, :giveUpAt,
                        :token, :until, :at, :at)""")
                .param("tenantId", subscription.tenantId()).param("appId", subscription.appId())
                .param("subscriptionId", subscription.id()).param("eventId", eventId).param("type", eventType)
                .param("at", Sql.utc(eventTime)).param("pending", DeliveryStatus.PENDING.name())
                .param("giveUpAt", Sql.utc(giveUpAt)).param("token", leaseToken).param("until", Sql.utc(leaseUntil))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions of active apps whose lease
     * is free or expired, and answers them. The candidates are read first; the update checks each
     * row's lease again as it locks it, so a row another node claimed meanwhile is skipped.
     */
    List<ClaimedDelivery> claim(String token, Instant now, Instant leaseUntil, int limit) {
        List<Long> candidates = jdbc.sql("""
                select d.id from opf_delivery d
                join opf_subscription s on s.id = d.subscription_id
                join opf_app a on a.id = d.app_id
                where d.status = :pending and d.next_attempt_at <= :now
                  and (d.lease_until is null or d.lease_until < :now)
                  and s.status = :active and a.status = :appActive
                order by d.next_attempt_at
                limit :limit""")
                .param("pending", DeliveryStatus.PENDING.name()).param("now", Sql.utc(now))
                .param("active", SubscriptionStatus.ACTIVE.name()).param("appActive", AppStatus.ACTIVE.name())
                .param("limit", limit).query(Long.class).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        int claimed = jdbc.sql("""
                update opf_delivery set lease_token = :token, lease_until = :until
                where id in (:ids) and status = :pending and (lease_until is null or lease_until < :now)""")
                .param("token", token).param("until", Sql.utc(leaseUntil)).param("ids", candidates)
                .param("pending", DeliveryStatus.PENDING.name()).param("now", Sql.utc(now))
                .update();
        return claimed == 0 ? List.of() : claimed(token, candidates);
    }

    private List<ClaimedDelivery> claimed(String token, List<Long> ids) {
        return jdbc.sql("""
                select d.id, d.tenant_id, d.app_id, d.subscription_id, d.event_id, d.event_type, d.attempts,
                       d.give_up_at, d.lease_token, d.lease_until, e.body, s.callback_url, s.secret_sealed,
                       s.previous_secret_sealed, s.previous_secret_until, s.format
                from opf_delivery d
                join opf_event e on e.id = d.event_id
                join opf_subscription s on s.id = d.subscription_id
                where d.id in (:ids) and d.lease_token = :token""")
                .param("ids", ids).param("token", token)
                .query((rs, n) -> new ClaimedDelivery(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("app_id"),
                        rs.getLong("subscription_id"), rs.getString("event_id"), rs.getString("event_type"),
                        rs.getInt("attempts"), Sql.instant(rs, "give_up_at"), rs.getString("lease_token"),
                        Sql.instant(rs, "lease_until"), rs.getString("body"), rs.getString("callback_url"),
                        rs.getString("secret_sealed"), rs.getString("previous_secret_sealed"),
                        Sql.instant(rs, "previous_secret_until"), rs.getString("format")))
                .list();
    }

    /** Gives claims back unattempted (a node stopping), so another node need not wait for the lease. */
    @Transactional
    void release(List<ClaimedDelivery> deliveries) {
        batch.batchUpdate("update opf_delivery set lease_token = null, lease_until = null "
                        + "where id = :id and lease_token = :token",
                deliveries.stream().map(d -> new MapSqlParameterSource("id", d.id()).addValue("token", d.leaseToken()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Settles attempts: each delivery's new state, only where this node still holds the lease,
     * and every attempt in the log whatever happened to the lease.
     */
    void settle(List<Settlement> settlements) {
        batch.batchUpdate("""
                        update opf_delivery set status = :status, attempts = :attempts, next_attempt_at = :next,
                               lease_token = null, lease_until = null, delivered_at = :deliveredAt, updated_at = :at
                        where id = :id and lease_token = :token""",
                settlements.stream().map(Settlement::deliveryParameters).toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate("""
                        insert into opf_delivery_attempt (delivery_id, tenant_id, attempt, attempted_at, succeeded,
                                                          status, error, latency_ms, response_body)
                        values (:id, :tenantId, :attempts, :at, :succeeded, :code, :error, :latency, :body)""",
                settlements.stream().map(Settlement::attemptParameters).toArray(MapSqlParameterSource[]::new));
    }

    /** The new state of one delivery after an attempt. */
    record Settlement(AttemptResult result, DeliveryStatus status, Instant nextAttemptAt) {

        MapSqlParameterSource deliveryParameters() {
            ClaimedDelivery d = result.delivery();
            return new MapSqlParameterSource("id", d.id()).addValue("token", d.leaseToken())
                    .addValue("status", status.name()).addValue("attempts", d.attempts() + 1)
                    .addValue("next", Sql.utc(nextAttemptAt)).addValue("at", Sql.utc(result.attemptedAt()))
                    .addValue("deliveredAt", result.succeeded() ? Sql.utc(result.attemptedAt()) : null);
        }

        MapSqlParameterSource attemptParameters() {
            ClaimedDelivery d = result.delivery();
            return new MapSqlParameterSource("id", d.id()).addValue("tenantId", d.tenantId())
                    .addValue("attempts", d.attempts() + 1).addValue("at", Sql.utc(result.attemptedAt()))
                    .addValue("succeeded", result.succeeded()).addValue("code", result.status())
                    .addValue("error", result.error()).addValue("latency", result.latencyMs())
                    .addValue("body", result.responseBody());
        }
    }
}
