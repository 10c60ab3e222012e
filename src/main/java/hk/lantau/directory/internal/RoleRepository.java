package hk.lantau.directory.internal;

import hk.lantau.directory.Role;
import hk.lantau.shared.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoleRepository {

    private final JdbcClient jdbc;

    RoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long tenantId, Role role, Instant now) {
        jdbc.sql("""
                insert into dir_role (tenant_id, role_key, name, built_in, created_at, updated_at)
                values (:tenantId, :key, :name, :builtIn, :now, :now)""")
                .param("tenantId", tenantId).param("key", role.key()).param("name", role.name())
                .param("builtIn", role.builtIn()).param("now", Times.utc(now))
                .update();
        insertPermissions(tenantId, role.key(), role.permissions());
    }

    void update(long tenantId, Role role, Instant now) {
        jdbc.sql("update dir_role set name = :name, updated_at = :now where tenant_id = :tenantId and role_key = :key")
                .param("name", role.name()).param("now", Times.utc(now))
                .param("tenantId", tenantId).param("key", role.key())
                .update();
        jdbc.sql("delete from dir_role_permission where tenant_id = :tenantId and role_key = :key")
                .param("tenantId", tenantId).param("key", role.key()).update();
        insertPermissions(tenantId, role.key(), role.permissions());
    }

    void delete(long tenantId, String key) {
        jdbc.sql("delete from dir_role_permission where tenant_id = :tenantId and role_key = :key")
                .param("tenantId", tenantId).param("key", key).update();
        jdbc.sql("delete from dir_role where tenant_id = :tenantId and role_key = :key")
                .param("tenantId", tenantId).param("key", key).update();
    }

    Optional<Role> find(long tenantId, String key) {
        return list(tenantId, List.of(key)).stream().findFirst();
    }

    List<Role> list(long tenantId) {
        return list(tenantId, null);
    }

    List<Role> list(long tenantId, Collection<String> keys) {
        if (keys != null && keys.isEmpty()) {
            return List.of();
        }
        String filter = keys == null ? "" : " and r.role_key in (:keys)";
        var spec = jdbc.sql("""
                select r.role_key, r.name, r.built_in, p.permission
                  from dir_role r
                  left join dir_role_permission p on p.tenant_id = r.tenant_id and p.role_key = r.role_key
                 where r.tenant_id = :tenantId""" + filter + " order by r.built_in desc, r.role_key")
                .param("tenantId", tenantId);
        if (keys != null) {
            spec = spec.param("keys", keys);
        }
        Map<String, RoleRow> rows = new LinkedHashMap<>();
        spec.query(rs -> {
            String key = rs.getString("role_key");
            RoleRow row = rows.get(key);
            if (row == null) {
                row = new RoleRow(key, rs.getString("name"), rs.getBoolean("built_in"));
                rows.put(key, row);
            }
            String permission = rs.getString("permission");
            if (permission != null) {
                Permission.fromKey(permission).ifPresent(row.permissions::add);
            }
        });
        List<Role> roles = new ArrayList<>();
        rows.values().forEach(row -> roles.add(new Role(row.key, row.name, row.builtIn, row.permissions)));
        return roles;
    }

    List<String> roleKeysOf(long tenantId, String userId) {
        return jdbc.sql("select role_key from dir_role_grant where tenant_id = :tenantId and userid = :userId"
                        + " order by role_key")
                .param("tenantId", tenantId).param("userId", userId).query(String.class).list();
    }

    void grant(long tenantId, String userId, String key, Instant now) {
        jdbc.sql("""
                insert into dir_role_grant (tenant_id, userid, role_key, granted_at)
                values (:tenantId, :userId, :key, :now)""")
                .param("tenantId", tenantId).param("userId", userId).param("key", key).param("now", Times.utc(now))
                .update();
    }

    void revoke(long tenantId, String userId, String key) {
        jdbc.sql("delete from dir_role_grant where tenant_id = :tenantId and userid = :userId and role_key = :key")
                .param("tenantId", tenantId).param("userId", userId).param("key", key).update();
    }

    long holders(long tenantId, String key) {
        return jdbc.sql("select count(*) from dir_role_grant where tenant_id = :tenantId and role_key = :key")
                .param("tenantId", tenantId).param("key", key).query(Long.class).single();
    }

    /** How many people who are not the given one, and are active, hold the role. */
    long otherActiveHolders(long tenantId, String key, String exceptUserId) {
        return jdbc.sql("""
                select count(*) from dir_role_grant g
                  join dir_user u on u.tenant_id = g.tenant_id and u.userid = g.userid
                 where g.tenant_id = :tenantId and g.role_key = :key and g.userid <> :userId and u.status = 'ACTIVE'""")
                .param("tenantId", tenantId).param("key", key).param("userId", exceptUserId)
                .query(Long.class).single();
    }

    private void insertPermissions(long tenantId, String key, Set<Permission> permissions) {
        for (Permission permission : permissions) {
            jdbc.sql("""
                    insert into dir_role_permission (tenant_id, role_key, permission)
                    values (:tenantId, :key, :permission)""")
                    .param("tenantId", tenantId).param("key", key).param("permission", permission.key())
                    .update();
        }
    }

    private static final class RoleRow {

        final String key;
        final String name;
        final boolean builtIn;
        final Set<Permission> permissions = EnumSet.noneOf(Permission.class);

        RoleRow(String key, String name, boolean builtIn) {
            this.key = key;
            this.name = name;
            this.builtIn = builtIn;
        }
    }
}
