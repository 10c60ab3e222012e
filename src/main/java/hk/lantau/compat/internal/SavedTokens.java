package hk.lantau.compat.internal;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.AccessToken;
import hk.lantau.openplatform.TokenReuse;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each app's current DingTalk token, sealed, in {@code cpt_app_token}. A token that no longer opens
 * (its sealing key was retired) counts as absent, so the app simply gets a new one.
 */
@Repository
class SavedTokens implements TokenReuse {

    static final String PURPOSE = "compat.app-token";
    private static final Logger log = LoggerFactory.getLogger(SavedTokens.class);

    private final JdbcClient jdbc;
    private final SecretSealing sealing;
    private final Clock clock;

    SavedTokens(JdbcClient jdbc, SecretSealing sealing, Clock clock) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.clock = clock;
    }

    @Override
    public Optional<String> current(long tenantId, long appId) {
        Optional<String> sealed = jdbc.sql("""
                select sealed_token from cpt_app_token
                 where tenant_id = :tenantId and app_id = :appId and expires_at > :now""")
                .param("tenantId", tenantId).param("appId", appId).param("now", utc(clock.instant()))
                .query(String.class).optional();
        try {
            return sealed.map(value -> sealing.open(PURPOSE, value));
        } catch (LantauException e) {
            log.warn("The saved DingTalk token of app {} no longer opens; a new one is granted", appId);
            return Optional.empty();
        }
    }

    @Override
    public void remember(long tenantId, long appId, AccessToken token) {
        String sealed = sealing.seal(PURPOSE, token.value());
        int updated = update(tenantId, appId, sealed, token.expiresAt());
        if (updated == 0) {
            try {
                jdbc.sql("""
                        insert into cpt_app_token (tenant_id, app_id, sealed_token, expires_at, updated_at)
                        values (:tenantId, :appId, :sealed, :expiresAt, :now)""")
                        .param("tenantId", tenantId).param("appId", appId).param("sealed", sealed)
                        .param("expiresAt", utc(token.expiresAt())).param("now", utc(clock.instant())).update();
            } catch (DuplicateKeyException raced) {
                // Another node granted at the same moment; either token is valid, the last one is kept.
                update(tenantId, appId, sealed, token.expiresAt());
            }
        }
    }

    private int update(long tenantId, long appId, String sealed, Instant expiresAt) {
        return jdbc.sql("""
                update cpt_app_token set sealed_token = :sealed, expires_at = :expiresAt, updated_at = :now
                 where tenant_id = :tenantId and app_id = :appId""")
                .param("sealed", sealed).param("expiresAt", utc(expiresAt)).param("now", utc(clock.instant()))
                .param("tenantId", tenantId).param("appId", appId).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
