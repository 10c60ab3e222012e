package hk.lantau.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TotpRepository {

    private static final String PENDING = "PENDING";
    private static final String ACTIVE = "ACTIVE";

    private final JdbcClient jdbc;

    TotpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS =
            "account_id, sealed_secret, status, created_at, confirmed_at, last_used_step";

    /**
     * What a seed is sealed for. The account id is part of it, so a sealed seed copied onto another
     * account's row does not open.
     */
    public static String purpose(long accountId) {
        return "identity.totp." + accountId;
    }

    public Optional<TotpRecord> find(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from idn_totp where account_id = :accountId")
                .param("accountId", accountId).query(TotpRepository::map).optional();
    }

    List<TotpRecord> batchAfter(long accountId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from idn_totp where account_id > :after order by account_id "
                        + "fetch first " + limit + " rows only")
                .param("after", accountId).query(TotpRepository::map).list();
    }

    /** Swaps a resealed seed in, unless the row changed meanwhile (re-enrolment). */
    boolean replaceSecret(long accountId, String old, String next) {
        return jdbc.sql("update idn_totp set sealed_secret = :next where account_id = :accountId "
                        + "and sealed_secret = :old")
                .param("next", next).param("accountId", accountId).param("old", old).update() == 1;
    }

    private static TotpRecord map(ResultSet rs, int row) throws SQLException {
        long step = rs.getLong("last_used_step");
        Long lastStep = rs.wasNull() ? null : step;
        return new TotpRecord(rs.getLong("account_id"), rs.getString("sealed_secret"),
                ACTIVE.equals(rs.getString("status")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "confirmed_at"), lastStep);
    }

    public boolean isActive(long accountId) {
        return jdbc.sql("select count(*) from idn_totp where account_id = :accountId and status = 'ACTIVE'")
                .param("accountId", accountId).query(Long.class).single() > 0;
    }

    /** Starts (or restarts) an enrolment; never replaces an active authenticator. */
    public void savePending(long accountId, String sealedSecret, Instant now) {
        jdbc.sql("delete from idn_totp where account_id = :accountId and status = 'PENDING'")
                .param("accountId", accountId).update();
        jdbc.sql("""
                insert into idn_totp (account_id, sealed_secret, status, created_at)
                values (:accountId, :secret, :status, :now)""")
                .param("accountId", accountId).param("secret", sealedSecret).param("status", PENDING)
                .param("now", Sql.utc(now)).update();
    }

    /** Activates a pending enrolment with the step of the code that confirmed it; false if none was pending. */
    public boolean activate(long accountId, long step, Instant now) {
        return jdbc.sql("update idn_totp set status = 'ACTIVE', confirmed_at = :now, last_used_step = :step "
                        + "where account_id = :accountId and status = 'PENDING'")
                .param("now", Sql.utc(now)).param("step", step).param("accountId", accountId).update() == 1;
    }

    /**
     * Records that the code of {@code step} was used. The conditional update accepts each step at
     * most once and never an older one, even when two nodes check the same code at the same time.
     */
    public boolean consumeStep(long accountId, long step) {
        return jdbc.sql("update idn_totp set last_used_step = :step where account_id = :accountId "
                        + "and status = 'ACTIVE' and (last_used_step is null or last_used_step < :step)")
                .param("step", step).param("accountId", accountId).update() == 1;
    }

    public boolean delete(long accountId) {
        return jdbc.sql("delete from idn_totp where account_id = :accountId")
                .param("accountId", accountId).update() > 0;
    }
}
