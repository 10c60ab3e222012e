package hk.lantau.identity.internal;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The devices and IP addresses each account has signed in from. */
@Repository
public class KnownClientRepository {

    public static final String DEVICE = "DEVICE";
    public static final String IP = "IP";

    private final JdbcClient jdbc;

    KnownClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean anyFor(long accountId) {
        return jdbc.sql("select count(*) from idn_known_client where account_id = :accountId")
                .param("accountId", accountId).query(Long.class).single() > 0;
    }

    /** Remembers a device or address; true when it was not known before. */
    public boolean remember(long accountId, String kind, String value, Instant now) {
        int touched = jdbc.sql("update idn_known_client set last_seen_at = :now "
                        + "where account_id = :accountId and kind = :kind and client_value = :value")
                .param("now", Sql.utc(now)).param("accountId", accountId).param("kind", kind)
                .param("value", value).update();
        if (touched > 0) {
            return false;
        }
        // Two sign-ins from the same new place may race; only one insert wins and flags it.
        return jdbc.sql("""
                insert into idn_known_client (account_id, kind, client_value, first_seen_at, last_seen_at)
                values (:accountId, :kind, :value, :now, :now) on conflict do nothing""")
                .param("accountId", accountId).param("kind", kind).param("value", value)
                .param("now", Sql.utc(now)).update() == 1;
    }
}
