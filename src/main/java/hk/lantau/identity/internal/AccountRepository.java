package hk.lantau.identity.internal;

import hk.lantau.identity.AccountKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    private static final String COLUMNS =
            "id, kind, tenant_id, user_id, login, password_hash, failed_attempts, locked_until";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(AccountKind kind, Long tenantId, String userId, String login, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into idn_account (kind, tenant_id, user_id, login, created_at, updated_at)
                values (:kind, :tenantId, :userId, :login, :now, :now)""")
                .param("kind", kind.name()).param("tenantId", tenantId).param("userId", userId)
                .param("login", login).param("now", Sql.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<AccountRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from idn_account where id = :id").param("id", id)
                .query(AccountRepository::map).optional();
    }

    public Optional<AccountRecord> findByLogin(String login) {
        return jdbc.sql("select " + COLUMNS + " from idn_account where login = :login").param("login", login)
                .query(AccountRepository::map).optional();
    }

    public Optional<AccountRecord> findByUser(long tenantId, String userId) {
        return jdbc.sql("select " + COLUMNS + " from idn_account where tenant_id = :tenantId and user_id = :userId")
                .param("tenantId", tenantId).param("userId", userId)
                .query(AccountRepository::map).optional();
    }

    public boolean operatorExists() {
        return jdbc.sql("select count(*) from idn_account where kind = 'OPERATOR'").query(Long.class).single() > 0;
    }

    public Optional<AccountRecord> firstOperator() {
        return jdbc.sql("select " + COLUMNS + " from idn_account where kind = 'OPERATOR' order by id")
                .query(AccountRepository::map).stream().findFirst();
    }

    public void setPassword(long id, String hash, Instant now) {
        jdbc.sql("""
                update idn_account set password_hash = :hash, password_changed_at = :now, failed_attempts = 0,
                                       locked_until = null, updated_at = :now
                where id = :id""")
                .param("hash", hash).param("now", Sql.utc(now)).param("id", id).update();
    }

    /** Counts one more failed attempt and returns the new count. */
    public int countFailure(long id) {
        jdbc.sql("update idn_account set failed_attempts = failed_attempts + 1 where id = :id").param("id", id)
                .update();
        return jdbc.sql("select failed_attempts from idn_account where id = :id").param("id", id)
                .query(Integer.class).single();
    }

    /** Locks the account; the counter starts again from zero once the lock lapses. */
    public void lock(long id, Instant until, Instant now) {
        jdbc.sql("update idn_account set locked_until = :until, failed_attempts = 0, updated_at = :now where id = :id")
                .param("until", Sql.utc(until)).param("now", Sql.utc(now)).param("id", id).update();
    }

    /** A complete sign-in clears the count of failures. */
    public void clearFailures(long id) {
        jdbc.sql("update idn_account set failed_attempts = 0 where id = :id and failed_attempts <> 0")
                .param("id", id).update();
    }

    static AccountRecord map(ResultSet rs, int row) throws SQLException {
        long tenant = rs.getLong("tenant_id");
        Long tenantId = rs.wasNull() ? null : tenant;
        return new AccountRecord(rs.getLong("id"), AccountKind.valueOf(rs.getString("kind")),
                tenantId, rs.getString("user_id"), rs.getString("login"),
                rs.getString("password_hash"), rs.getInt("failed_attempts"), Sql.instant(rs, "locked_until"));
    }
}
