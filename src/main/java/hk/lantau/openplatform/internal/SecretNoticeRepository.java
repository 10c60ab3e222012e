package hk.lantau.openplatform.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Working secrets of active apps that expire soon, and which expiry notices were sent for them. */
@Repository
class SecretNoticeRepository {

    private final JdbcClient jdbc;

    SecretNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ExpiringSecret(long id, long tenantId, long appId, String hint, Instant expiresAt) {
    }

    /** Secrets in use (not revoked, not replaced) of active apps that expire after now and by {@code until}. */
    List<ExpiringSecret> expiring(Instant now, Instant until) {
        return jdbc.sql("""
                        select s.id, s.tenant_id, s.app_id, s.hint, s.expires_at
                          from opf_app_secret s join opf_app a on a.id = s.app_id
                         where s.revoked_at is null and s.grace_until is null and a.status = 'ACTIVE'
                           and s.expires_at > :now and s.expires_at <= :until
                         order by s.expires_at, s.id""")
                .param("now", Sql.utc(now)).param("until", Sql.utc(until))
                .query((rs, n) -> new ExpiringSecret(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("app_id"),
                        rs.getString("hint"), Sql.instant(rs, "expires_at")))
                .list();
    }

    /** Remembers the notice; false if it was sent before. */
    boolean remember(ExpiringSecret secret, int days, Instant now) {
        return jdbc.sql("""
                        insert into opf_secret_notice (secret_id, tenant_id, days_before, sent_at)
                        values (:secret, :tenant, :days, :now) on conflict do nothing""")
                .param("secret", secret.id()).param("tenant", secret.tenantId()).param("days", days)
                .param("now", Sql.utc(now)).update() == 1;
    }
}
