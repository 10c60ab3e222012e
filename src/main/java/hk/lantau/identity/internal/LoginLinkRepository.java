package hk.lantau.identity.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LoginLinkRepository {

    private final JdbcClient jdbc;

    LoginLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, long accountId, String purpose, Instant now, Instant expiresAt,
                       String createdBy) {
        jdbc.sql("""
                insert into idn_login_link (token_hash, account_id, purpose, created_at, expires_at, created_by)
                values (:hash, :accountId, :purpose, :now, :expiresAt, :createdBy)""")
                .param("hash", tokenHash).param("accountId", accountId).param("purpose", purpose)
                .param("now", Sql.utc(now)).param("expiresAt", Sql.utc(expiresAt)).param("createdBy", createdBy)
                .update();
    }

    /** Older unused links stop working when a new one is issued. */
    public void expireUnused(long accountId, Instant now) {
        jdbc.sql("update idn_login_link set expires_at = :now where account_id = :accountId and used_at is null "
                        + "and expires_at > :now")
                .param("now", Sql.utc(now)).param("accountId", accountId).update();
    }

    /**
     * Marks a valid link used and returns its account and purpose. The conditional update makes
     * a link usable exactly once even when two requests race.
     */
    public Optional<LinkUse> use(String tokenHash, Instant now) {
        var link = jdbc.sql("select account_id, purpose from idn_login_link where token_hash = :hash "
                        + "and used_at is null and expires_at > :now")
                .param("hash", tokenHash).param("now", Sql.utc(now))
                .query((rs, row) -> new LinkUse(rs.getLong("account_id"), rs.getString("purpose")))
                .optional();
        if (link.isEmpty()) {
            return link;
        }
        int updated = jdbc.sql("update idn_login_link set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", Sql.utc(now)).param("hash", tokenHash).update();
        return updated == 1 ? link : Optional.empty();
    }

    public Optional<LinkUse> peek(String tokenHash, Instant now) {
        return jdbc.sql("select account_id, purpose from idn_login_link where token_hash = :hash "
                        + "and used_at is null and expires_at > :now")
                .param("hash", tokenHash).param("now", Sql.utc(now))
                .query((rs, row) -> new LinkUse(rs.getLong("account_id"), rs.getString("purpose")))
                .optional();
    }

    public record LinkUse(long accountId, String purpose) {
    }
}
