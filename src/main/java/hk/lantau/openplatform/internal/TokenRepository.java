package hk.lantau.openplatform.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code opf_app_token} rows: a SHA-256 hash of each access token, never the token. */
@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String hash, long tenantId, long appId, long secretId, Instant issuedAt, Instant expiresAt,
                String ip) {
        jdbc.sql("""
                insert into opf_app_token (token_hash, app_id, tenant_id, secret_id, issued_at, expires_at, ip)
                values (:hash, :appId, :tenantId, :secretId, :issuedAt, :expiresAt, :ip)""")
                .param("hash", hash).param("appId", appId).param("tenantId", tenantId).param("secretId", secretId)
                .param("issuedAt", Sql.utc(issuedAt)).param("expiresAt", Sql.utc(expiresAt)).param("ip", ip)
                .update();
    }

    /**
     * The token with the time it stops working: its own expiry, or sooner the end of its secret's
     * life or grace period. Empty when unknown or its secret was revoked.
     */
    Optional<StoredToken> find(String hash) {
        return jdbc.sql("""
                select t.app_id, a.app_key, t.tenant_id, t.secret_id, t.expires_at, s.expires_at secret_expires_at,
                       s.grace_until
                  from opf_app_token t
                  join opf_app_secret s on s.id = t.secret_id and s.tenant_id = t.tenant_id
                  join opf_app a on a.id = t.app_id and a.tenant_id = t.tenant_id
                 where t.token_hash = :hash and s.revoked_at is null""")
                .param("hash", hash)
                .query((rs, row) -> new StoredToken(rs.getLong("app_id"), rs.getString("app_key"), rs.getLong("tenant_id"),
                        rs.getLong("secret_id"), earliest(Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "secret_expires_at"), Sql.instant(rs, "grace_until"))))
                .optional();
    }

    /** Moves a token's expiry, as when DingTalk's token endpoints hand it out again. */
    void extend(String hash, long tenantId, Instant expiresAt) {
        jdbc.sql("update opf_app_token set expires_at = :expiresAt where token_hash = :hash and tenant_id = :tenantId")
                .param("expiresAt", Sql.utc(expiresAt)).param("hash", hash).param("tenantId", tenantId).update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("delete from opf_app_token where expires_at <= :now")
                .param("now", Sql.utc(now)).update();
    }

    private static Instant earliest(Instant... instants) {
        Instant earliest = null;
        for (Instant instant : instants) {
            if (instant != null && (earliest == null || instant.isBefore(earliest))) {
                earliest = instant;
            }
        }
        return earliest;
    }

    /** A token as the resolver needs it; {@code usableUntil} already accounts for its secret. */
    record StoredToken(long appId, String appKey, long tenantId, long secretId, Instant usableUntil) {
    }
}
