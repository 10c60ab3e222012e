package hk.lantau.identity.internal;

import hk.lantau.identity.SecuritySettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SecuritySettingsRepository {

    private final JdbcClient jdbc;

    SecuritySettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SecuritySettings> find(long tenantId) {
        return jdbc.sql("select mfa_required_roles, lockout_threshold, lockout_minutes, session_idle_minutes "
                        + "from idn_security_settings where tenant_id = :tenantId")
                .param("tenantId", tenantId)
                .query((rs, row) -> new SecuritySettings(roles(rs.getString("mfa_required_roles")),
                        rs.getInt("lockout_threshold"), rs.getInt("lockout_minutes"),
                        rs.getInt("session_idle_minutes")))
                .optional();
    }

    /** Writes the whole policy; the first change of an organisation inserts its row. */
    public void save(long tenantId, SecuritySettings settings, Instant now, String updatedBy) {
        int updated = jdbc.sql("""
                update idn_security_settings set mfa_required_roles = :roles, lockout_threshold = :threshold,
                       lockout_minutes = :minutes, session_idle_minutes = :idle, updated_at = :now,
                       updated_by = :by
                where tenant_id = :tenantId""")
                .params(params(tenantId, settings, now, updatedBy)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into idn_security_settings (tenant_id, mfa_required_roles, lockout_threshold,
                                                       lockout_minutes, session_idle_minutes, updated_at, updated_by)
                    values (:tenantId, :roles, :threshold, :minutes, :idle, :now, :by)""")
                    .params(params(tenantId, settings, now, updatedBy)).update();
        }
    }

    private static java.util.Map<String, Object> params(long tenantId, SecuritySettings s, Instant now, String by) {
        var map = new java.util.HashMap<String, Object>();
        map.put("tenantId", tenantId);
        map.put("roles", String.join(",", s.mfaRequiredRoles()));
        map.put("threshold", s.lockoutThreshold());
        map.put("minutes", s.lockoutMinutes());
        map.put("idle", s.sessionIdleTimeoutMinutes());
        map.put("now", Sql.utc(now));
        map.put("by", by);
        return map;
    }

    private static List<String> roles(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
