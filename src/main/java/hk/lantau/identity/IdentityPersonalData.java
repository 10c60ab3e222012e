package hk.lantau.identity;

import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.identity.internal.SessionTouches;
import hk.lantau.shared.PersonalDataContributor;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identity's part of a data-access request and of an erasure: the person's sign-in account, the
 * sessions with their IP addresses and devices, and the places they signed in from.
 */
@Component
class IdentityPersonalData implements PersonalDataContributor {

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final JdbcClient jdbc;
    private final SessionTouches touches;

    IdentityPersonalData(AccountRepository accounts, Sessions sessions, JdbcClient jdbc, SessionTouches touches) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.touches = touches;
    }

    @Override
    public String section() {
        return "identity";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long tenantId, String userId) {
        Optional<AccountRecord> found = accounts.findByUser(tenantId, userId);
        if (found.isEmpty()) {
            return Map.of();
        }
        AccountRecord account = found.get();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("login", account.login());
        export.put("passwordSet", account.hasPassword());
        export.put("authenticatorEnrolled", jdbc.sql(
                        "select count(*) from idn_totp where account_id = :id and status = 'ACTIVE'")
                .param("id", account.id()).query(Long.class).single() > 0);
        touches.flush();
        export.put("sessions", jdbc.sql("""
                        select created_at, last_seen_at, ip, device, revoked_at from idn_session
                        where account_id = :id order by created_at""")
                .param("id", account.id())
                .query((rs, n) -> row("createdAt", time(rs.getObject("created_at", OffsetDateTime.class)),
                        "lastSeenAt", time(rs.getObject("last_seen_at", OffsetDateTime.class)),
                        "ip", rs.getString("ip"), "device", rs.getString("device"),
                        "revokedAt", time(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list());
        export.put("knownClients", jdbc.sql("""
                        select kind, client_value, first_seen_at from idn_known_client
                        where account_id = :id order by first_seen_at""")
                .param("id", account.id())
                .query((rs, n) -> row("kind", rs.getString("kind"), "value", rs.getString("client_value"),
                        "firstSeenAt", time(rs.getObject("first_seen_at", OffsetDateTime.class))))
                .list());
        return export;
    }

    /** Removes the account and everything hanging off it; the audit trail keeps its own records. */
    @Override
    @Transactional
    public ErasureResult erase(long tenantId, String userId) {
        Optional<AccountRecord> found = accounts.findByUser(tenantId, userId);
        if (found.isEmpty()) {
            return new ErasureResult(section(), 0, 0, Map.of());
        }
        long id = found.get().id();
        List<String> sessionIds = jdbc.sql("select id from idn_session where account_id = :id")
                .param("id", id).query(String.class).list();
        int erased = 0;
        for (String table : List.of("idn_session", "idn_known_client", "idn_totp", "idn_login_link")) {
            erased += jdbc.sql("delete from " + table + " where account_id = :id").param("id", id).update();
        }
        erased += jdbc.sql("delete from idn_account where id = :id").param("id", id).update();
        sessionIds.forEach(sessions::forget);
        return new ErasureResult(section(), erased, 0,
                Map.of("audit", "Sign-in records in the audit trail are kept: it is append-only evidence."));
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                row.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return row;
    }

    private static String time(OffsetDateTime value) {
        return value == null ? null : value.toInstant().toString();
    }
}
