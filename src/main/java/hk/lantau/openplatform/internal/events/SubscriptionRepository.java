package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.SubscriptionStatus;
import hk.lantau.openplatform.internal.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

    private static final String COLUMNS = "id, tenant_id, app_id, callback_url, event_types, status, secret_sealed, "
            + "secret_hint, previous_secret_sealed, previous_secret_until, paused_reason, paused_at, failing_since, "
            + "last_success_at, created_by, created_at, updated_at, format";

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, long appId, String callbackUrl, List<String> eventTypes, String secretSealed,
                String secretHint, String createdBy, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into opf_subscription (tenant_id, app_id, callback_url, event_types, status, secret_sealed,
                                              secret_hint, created_by, created_at, updated_at)
                values (:tenantId, :appId, :url, :types, :status, :secret, :hint, :createdBy, :now, :now)""")
                .param("tenantId", tenantId).param("appId", appId).param("url", callbackUrl)
                .param("types", String.join(" ", eventTypes)).param("status", SubscriptionStatus.ACTIVE.name())
                .param("secret", secretSealed).param("hint", secretHint).param("createdBy", createdBy)
                .param("now", Sql.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A subscription of the app in Lantau's format that is not deleted. */
    Optional<StoredSubscription> find(long tenantId, long appId, long id) {
        return jdbc.sql("select " + COLUMNS + " from opf_subscription where tenant_id = :tenantId and app_id = :appId "
                        + "and id = :id and status <> :deleted and format = :lantau")
                .param("tenantId", tenantId).param("appId", appId).param("id", id)
                .param("deleted", StoredSubscription.DELETED).param("lantau", StoredSubscription.LANTAU)
                .query(SubscriptionRepository::map).optional();
    }

    /** The app's subscriptions in Lantau's format that are not deleted. */
    List<StoredSubscription> list(long tenantId, long appId) {
        return jdbc.sql("select " + COLUMNS + " from opf_subscription where tenant_id = :tenantId and app_id = :appId "
                        + "and status <> :deleted and format = :lantau order by id")
                .param("tenantId", tenantId).param("appId", appId).param("deleted", StoredSubscription.DELETED)
                .param("lantau", StoredSubscription.LANTAU)
                .query(SubscriptionRepository::map).list();
    }

    /** The organisation's active subscriptions: who may receive an event published now. */
    List<StoredSubscription> active(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from opf_subscription where tenant_id = :tenantId and status = :active")
                .param("tenantId", tenantId).param("active", SubscriptionStatus.ACTIVE.name())
                .query(SubscriptionRepository::map).list();
    }

    /** The app's subscription in another format that is not deleted. */
    Optional<StoredSubscription> findFormatted(long tenantId, long appId, String format) {
        return jdbc.sql("select " + COLUMNS + " from opf_subscription where tenant_id = :tenantId and app_id = :appId "
                        + "and format = :format and status <> :deleted")
                .param("tenantId", tenantId).param("appId", appId).param("format", format)
                .param("deleted", StoredSubscription.DELETED)
                .query(SubscriptionRepository::map).optional();
    }

    void setFormat(long id, String format) {
        jdbc.sql("update opf_subscription set format = :format where id = :id").param("format", format)
                .param("id", id).update();
    }

    void change(long id, String callbackUrl, List<String> eventTypes, Instant now) {
        jdbc.sql("update opf_subscription set callback_url = :url, event_types = :types, updated_at = :now "
                        + "where id = :id")
                .param("url", callbackUrl).param("types", String.join(" ", eventTypes)).param("now", Sql.utc(now))
                .param("id", id).update();
    }

    /** Pauses an active subscription; false when it was not active (already paused or deleted). */
    boolean pause(long id, String reason, Instant now) {
        return jdbc.sql("update opf_subscription set status = :paused, paused_reason = :reason, paused_at = :now, "
                        + "updated_at = :now where id = :id and status = :active")
                .param("paused", SubscriptionStatus.PAUSED.name()).param("reason", reason).param("now", Sql.utc(now))
                .param("id", id).param("active", SubscriptionStatus.ACTIVE.name()).update() == 1;
    }

    /** Resumes with a clean slate: the days it failed before the pause do not count again. */
    boolean resume(long id, Instant now) {
        return jdbc.sql("update opf_subscription set status = :active, paused_reason = null, paused_at = null, "
                        + "failing_since = null, updated_at = :now where id = :id and status = :paused")
                .param("active", SubscriptionStatus.ACTIVE.name()).param("now", Sql.utc(now)).param("id", id)
                .param("paused", SubscriptionStatus.PAUSED.name()).update() == 1;
    }

    void rotate(long id, String secretSealed, String secretHint, String previousSealed, Instant previousUntil,
                Instant now) {
        jdbc.sql("""
                update opf_subscription set secret_sealed = :secret, secret_hint = :hint,
                       previous_secret_sealed = :previous, previous_secret_until = :until, updated_at = :now
                where id = :id""")
                .param("secret", secretSealed).param("hint", secretHint).param("previous", previousSealed)
                .param("until", Sql.utc(previousUntil)).param("now", Sql.utc(now)).param("id", id).update();
    }

    void markDeleted(long id, Instant now) {
        jdbc.sql("update opf_subscription set status = :deleted, deleted_at = :now, updated_at = :now where id = :id")
                .param("deleted", StoredSubscription.DELETED).param("now", Sql.utc(now)).param("id", id).update();
    }

    /** Records a successful attempt; earlier failures no longer count towards pausing. */
    void succeeded(long id, Instant at) {
        jdbc.sql("update opf_subscription set last_success_at = :at, failing_since = null where id = :id "
                        + "and (last_success_at is null or last_success_at < :at)")
                .param("at", Sql.utc(at)).param("id", id).update();
    }

    /** Records a failed attempt: the subscription is failing from its first failure since the last success. */
    void failed(long id, Instant at) {
        jdbc.sql("update opf_subscription set failing_since = :at where id = :id and failing_since is null "
                        + "and (last_success_at is null or last_success_at < :at)")
                .param("at", Sql.utc(at)).param("id", id).update();
    }

    /** Of the given subscriptions, the active ones that have been failing since before {@code cutoff}. */
    List<StoredSubscription> failingSince(List<Long> ids, Instant cutoff) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from opf_subscription where id in (:ids) and status = :active "
                        + "and failing_since <= :cutoff")
                .param("ids", ids).param("active", SubscriptionStatus.ACTIVE.name()).param("cutoff", Sql.utc(cutoff))
                .query(SubscriptionRepository::map).list();
    }

    /** Signing secrets of every subscription after {@code afterId}, for resealing under a new key. */
    List<SealedSecrets> secretsAfter(long afterId, int limit) {
        return jdbc.sql("select id, secret_sealed, previous_secret_sealed from opf_subscription where id > :after "
                        + "order by id limit :limit")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new SealedSecrets(rs.getLong("id"), rs.getString("secret_sealed"),
                        rs.getString("previous_secret_sealed"))).list();
    }

    boolean replaceSecrets(SealedSecrets before, String secret, String previous) {
        return jdbc.sql("""
                update opf_subscription set secret_sealed = :secret, previous_secret_sealed = :previous
                where id = :id and secret_sealed = :oldSecret
                  and coalesce(previous_secret_sealed, '') = coalesce(:oldPrevious, '')""")
                .param("secret", secret).param("previous", previous).param("id", before.id())
                .param("oldSecret", before.secret()).param("oldPrevious", before.previous()).update() == 1;
    }

    /** Deleted subscriptions whose whole delivery log has been purged. */
    int purgeDeleted(Instant cutoff) {
        return jdbc.sql("""
                delete from opf_subscription where status = :deleted and deleted_at < :cutoff
                  and not exists (select 1 from opf_delivery d where d.subscription_id = opf_subscription.id)""")
                .param("deleted", StoredSubscription.DELETED).param("cutoff", Sql.utc(cutoff)).update();
    }

    static StoredSubscription map(ResultSet rs, int row) throws SQLException {
        return new StoredSubscription(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("app_id"),
                rs.getString("callback_url"), List.copyOf(Columns.words(rs.getString("event_types"))),
                rs.getString("status"), rs.getString("secret_sealed"), rs.getString("secret_hint"),
                rs.getString("previous_secret_sealed"), Sql.instant(rs, "previous_secret_until"),
                rs.getString("paused_reason"), Sql.instant(rs, "paused_at"), Sql.instant(rs, "failing_since"),
                Sql.instant(rs, "last_success_at"), rs.getString("created_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"), rs.getString("format"));
    }

    /** The sealed secrets of one subscription, as stored. */
    record SealedSecrets(long id, String secret, String previous) {

        @Override
        public String toString() {
            return "SealedSecrets[id=" + id + "]";
        }
    }
}
