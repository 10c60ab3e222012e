package hk.lantau.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SessionRepository {

    private static final String COLUMNS = "id, account_id, tenant_id, created_at, last_seen_at, expires_at, ip, "
            + "user_agent, device, mfa_verified, revoked_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SessionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(SessionRecord session, String tokenHash) {
        jdbc.sql("""
                insert into idn_session (id, token_hash, account_id, tenant_id, created_at, last_seen_at,
                                         expires_at, ip, user_agent, device, mfa_verified)
                values (:id, :hash, :accountId, :tenantId, :createdAt, :lastSeen, :expiresAt, :ip, :ua,
                        :device, :mfa)""")
                .param("id", session.id()).param("hash", tokenHash).param("accountId", session.accountId())
                .param("tenantId", session.tenantId()).param("createdAt", Sql.utc(session.createdAt()))
                .param("lastSeen", Sql.utc(session.lastSeenAt())).param("expiresAt", Sql.utc(session.expiresAt()))
                .param("ip", session.ip()).param("ua", session.userAgent()).param("device", session.device())
                .param("mfa", session.mfaVerified())
                .update();
    }

    public Optional<SessionRecord> findByTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from idn_session where token_hash = :hash")
                .param("hash", tokenHash).query(SessionRepository::map).optional();
    }

    public Optional<SessionRecord> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from idn_session where id = :id")
                .param("id", id).query(SessionRepository::map).optional();
    }

    public List<SessionRecord> activeForAccount(long accountId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from idn_session where account_id = :accountId "
                        + "and revoked_at is null and expires_at > :now order by last_seen_at desc")
                .param("accountId", accountId).param("now", Sql.utc(now))
                .query(SessionRepository::map).list();
    }

    /** Sets when sessions were last seen, never earlier than already stored. */
    void touchAll(Map<String, Instant> lastSeen) {
        batch.batchUpdate("update idn_session set last_seen_at = :now where id = :id and last_seen_at < :now",
                lastSeen.entrySet().stream()
                        .map(e -> new MapSqlParameterSource("id", e.getKey()).addValue("now", Sql.utc(e.getValue())))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public int revoke(String id, String reason, Instant now) {
        return jdbc.sql("update idn_session set revoked_at = :now, revoked_reason = :reason "
                        + "where id = :id and revoked_at is null")
                .param("now", Sql.utc(now)).param("reason", reason).param("id", id).update();
    }

    public List<String> revokeAllForAccount(long accountId, String reason, Instant now) {
        List<String> ids = jdbc.sql("select id from idn_session where account_id = :accountId and revoked_at is null")
                .param("accountId", accountId).query(String.class).list();
        jdbc.sql("update idn_session set revoked_at = :now, revoked_reason = :reason "
                        + "where account_id = :accountId and revoked_at is null")
                .param("now", Sql.utc(now)).param("reason", reason).param("accountId", accountId).update();
        return ids;
    }

    static SessionRecord map(ResultSet rs, int row) throws SQLException {
        long tenant = rs.getLong("tenant_id");
        Long tenantId = rs.wasNull() ? null : tenant;
        return new SessionRecord(rs.getString("id"), rs.getLong("account_id"), tenantId,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "expires_at"),
                rs.getString("ip"), rs.getString("user_agent"), rs.getString("device"),
                rs.getBoolean("mfa_verified"), Sql.instant(rs, "revoked_at"));
    }
}
