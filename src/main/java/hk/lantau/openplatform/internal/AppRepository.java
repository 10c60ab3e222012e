package hk.lantau.openplatform.internal;

import hk.lantau.openplatform.AppStatus;
import hk.lantau.openplatform.AppView;
import hk.lantau.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code opf_app} rows. Scopes and the allow-list are stored as space-separated lists. */
@Repository
class AppRepository {

    private static final String COLUMNS = "id, tenant_id, app_key, name, description, purpose, owner_user_id, "
            + "scopes, ip_allow_list, rate_limit_per_minute, status, created_at, updated_at";

    private final JdbcClient jdbc;

    AppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AppView app) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into opf_app (tenant_id, app_key, name, description, purpose, owner_user_id, scopes,
                                     ip_allow_list, rate_limit_per_minute, status, created_at, updated_at)
                values (:tenantId, :appKey, :name, :description, :purpose, :owner, :scopes, :allowList, :rateLimit,
                        :status, :createdAt, :updatedAt)""")
                .param("tenantId", app.tenantId()).param("appKey", app.appKey()).param("name", app.name())
                .param("description", app.description()).param("purpose", app.purpose())
                .param("owner", app.ownerUserId()).param("scopes", scopes(app.scopes()))
                .param("allowList", String.join(" ", app.ipAllowList()))
                .param("rateLimit", app.rateLimitPerMinute()).param("status", app.status().name())
                .param("createdAt", Sql.utc(app.createdAt())).param("updatedAt", Sql.utc(app.updatedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(AppView app) {
        jdbc.sql("""
                update opf_app set name = :name, description = :description, purpose = :purpose,
                       owner_user_id = :owner, scopes = :scopes, ip_allow_list = :allowList,
                       rate_limit_per_minute = :rateLimit, status = :status, updated_at = :updatedAt
                 where tenant_id = :tenantId and id = :id""")
                .param("name", app.name()).param("description", app.description()).param("purpose", app.purpose())
                .param("owner", app.ownerUserId()).param("scopes", scopes(app.scopes()))
                .param("allowList", String.join(" ", app.ipAllowList()))
                .param("rateLimit", app.rateLimitPerMinute()).param("status", app.status().name())
                .param("updatedAt", Sql.utc(app.updatedAt()))
                .param("tenantId", app.tenantId()).param("id", app.id())
                .update();
    }

    Optional<AppView> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from opf_app where tenant_id = :tenantId and id = :id")
                .param("tenantId", tenantId).param("id", id).query(AppRepository::map).optional();
    }

    /** Locks the row for the rest of the transaction, so two changes of one app do not interleave. */
    Optional<AppView> findForUpdate(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from opf_app where tenant_id = :tenantId and id = :id for update")
                .param("tenantId", tenantId).param("id", id).query(AppRepository::map).optional();
    }

    /** By its public key, in whichever organisation: the token endpoint learns the tenant from the app. */
    Optional<AppView> findByKey(String appKey) {
        return jdbc.sql("select " + COLUMNS + " from opf_app where app_key = :appKey")
                .param("appKey", appKey).query(AppRepository::map).optional();
    }

    List<AppView> list(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from opf_app where tenant_id = :tenantId order by lower(name), id")
                .param("tenantId", tenantId).query(AppRepository::map).list();
    }

    boolean nameTaken(long tenantId, String name, Long exceptId) {
        return jdbc.sql("select count(*) from opf_app where tenant_id = :tenantId and lower(name) = lower(:name)"
                        + " and id <> :exceptId")
                .param("tenantId", tenantId).param("name", name).param("exceptId", exceptId == null ? -1 : exceptId)
                .query(Long.class).single() > 0;
    }

    private static String scopes(Set<Scope> scopes) {
        return scopes.stream().map(Scope::key).sorted().collect(Collectors.joining(" "));
    }

    private static AppView map(ResultSet rs, int row) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String key : words(rs.getString("scopes"))) {
            Scope.fromKey(key).ifPresent(scopes::add);
        }
        return new AppView(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("app_key"), rs.getString("name"),
                rs.getString("description"), rs.getString("purpose"), rs.getString("owner_user_id"), scopes,
                words(rs.getString("ip_allow_list")), rs.getInt("rate_limit_per_minute"),
                AppStatus.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
