package hk.lantau.openplatform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code opf_app_secret} rows; a secret is found by its keyed hash. */
@Repository
class SecretRepository {

    private static final String COLUMNS = "id, app_id, tenant_id, hint, created_at, expires_at, grace_until, "
            + "revoked_at, created_by";

    private final JdbcClient jdbc;

    SecretRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, long appId, String hash, String hint, Instant createdAt, Instant expiresAt,
                String createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into opf_app_secret (app_id, tenant_id, secret_hash, hint, created_at, expires_at, created_by)
                values (:appId, :tenantId, :hash, :hint, :createdAt, :expiresAt, :createdBy)""")
                .param("appId", appId).param("tenantId", tenantId).param("hash", hash).param("hint", hint)
                .param("createdAt", Sql.utc(createdAt)).param("expiresAt", Sql.utc(expiresAt))
                .param("createdBy", createdBy)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<SecretRow> list(long tenantId, long appId) {
        return jdbc.sql("select " + COLUMNS + " from opf_app_secret where tenant_id = :tenantId and app_id = :appId"
                        + " order by created_at desc, id desc")
                .param("tenantId", tenantId).param("appId", appId).query(SecretRepository::map).list();
    }

    Optional<SecretRow> find(long tenantId, long appId, long id) {
        return jdbc.sql("select " + COLUMNS + " from opf_app_secret"
                        + " where tenant_id = :tenantId and app_id = :appId and id = :id")
                .param("tenantId", tenantId).param("appId", appId).param("id", id)
                .query(SecretRepository::map).optional();
    }

    Optional<SecretRow> findByHash(long appId, String hash) {
        return jdbc.sql("select " + COLUMNS + " from opf_app_secret where app_id = :appId and secret_hash = :hash")
                .param("appId", appId).param("hash", hash).query(SecretRepository::map).optional();
    }

    /** Starts the grace period of the app's current secrets; returns how many there were. */
    int startGrace(long tenantId, long appId, Instant now, Instant graceUntil) {
        return jdbc.sql("""
                update opf_app_secret set grace_until = :graceUntil
                 where tenant_id = :tenantId and app_id = :appId and revoked_at is null and grace_until is null
                   and expires_at > :now""")
                .param("graceUntil", Sql.utc(graceUntil)).param("tenantId", tenantId).param("appId", appId)
                .param("now", Sql.utc(now))
                .update();
    }

    /** Shortens running grace periods that would outlast a new, shorter one. */
    void capGrace(long tenantId, long appId, Instant graceUntil) {
        jdbc.sql("""
                update opf_app_secret set grace_until = :graceUntil
                 where tenant_id = :tenantId and app_id = :appId and revoked_at is null and grace_until > :graceUntil""")
                .param("graceUntil", Sql.utc(graceUntil)).param("tenantId", tenantId).param("appId", appId)
                .update();
    }

    void revoke(long tenantId, long id, Instant now) {
        jdbc.sql("update opf_app_secret set revoked_at = :now where tenant_id = :tenantId and id = :id"
                        + " and revoked_at is null")
                .param("now", Sql.utc(now)).param("tenantId", tenantId).param("id", id).update();
    }

    private static SecretRow map(ResultSet rs, int row) throws SQLException {
        return new SecretRow(rs.getLong("id"), rs.getLong("app_id"), rs.getLong("tenant_id"), rs.getString("hint"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "grace_until"),
                Sql.instant(rs, "revoked_at"), rs.getString("created_by"));
    }
}
