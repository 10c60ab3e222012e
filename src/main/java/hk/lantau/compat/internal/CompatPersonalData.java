package hk.lantau.compat.internal;

import hk.lantau.shared.PersonalDataContributor;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * compat's part of a data-access request and of an erasure: the person's unused sign-in codes and
 * user and refresh tokens, by app. Their values are only hashes; what they say is that the person
 * signed in to those apps. Erasure deletes them, which also signs the person out of the apps' user
 * tokens.
 */
@Component
class CompatPersonalData implements PersonalDataContributor {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher audit;

    CompatPersonalData(JdbcClient jdbc, ApplicationEventPublisher audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String section() {
        return "compat";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long tenantId, String userId) {
        List<Map<String, Object>> signIns = jdbc.sql("""
                select app_id, 'CODE' as kind, created_at, expires_at from cpt_sign_in_code
                 where tenant_id = ? and user_id = ?
                union all
                select app_id, kind, created_at, expires_at from cpt_user_token where tenant_id = ? and user_id = ?
                 order by created_at, app_id""")
                .params(tenantId, userId, tenantId, userId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("appId", rs.getLong("app_id"));
                    row.put("kind", rs.getString("kind"));
                    row.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
                    row.put("expiresAt", rs.getObject("expires_at", OffsetDateTime.class).toInstant().toString());
                    return row;
                }).list();
        return Map.of("appSignIns", signIns);
    }

    @Override
    @Transactional
    public ErasureResult erase(long tenantId, String userId) {
        int codes = jdbc.sql("delete from cpt_sign_in_code where tenant_id = ? and user_id = ?")
                .params(tenantId, userId).update();
        int tokens = jdbc.sql("delete from cpt_user_token where tenant_id = ? and user_id = ?")
                .params(tenantId, userId).update();
        if (codes + tokens > 0) {
            audit.publishEvent(new CompatAudit(tenantId, "compat.personal_data.erased", "user", userId,
                    Map.of("signInCodesRemoved", codes, "userTokensRemoved", tokens)));
        }
        return new ErasureResult(section(), codes + tokens, 0, Map.of());
    }
}
