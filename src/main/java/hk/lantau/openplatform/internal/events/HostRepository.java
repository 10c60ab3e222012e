package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.SubscriptionHost;
import hk.lantau.openplatform.internal.Sql;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations' allow-lists of internal callback hosts, stored in their canonical form. */
@Repository
class HostRepository {

    private final JdbcClient jdbc;

    HostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SubscriptionHost> list(long tenantId) {
        return jdbc.sql("select host, created_by, created_at from opf_webhook_host where tenant_id = :tenantId "
                        + "order by host")
                .param("tenantId", tenantId)
                .query((rs, n) -> new SubscriptionHost(rs.getString("host"), rs.getString("created_by"),
                        Sql.instant(rs, "created_at"))).list();
    }

    boolean allowed(long tenantId, String host) {
        return jdbc.sql("select count(*) from opf_webhook_host where tenant_id = :tenantId and host = :host")
                .param("tenantId", tenantId).param("host", host).query(Long.class).single() > 0;
    }

    /** The allowed hosts of several organisations at once, for a batch of deliveries. */
    Map<Long, Set<String>> allowed(Collection<Long> tenantIds) {
        Map<Long, Set<String>> result = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select tenant_id, host from opf_webhook_host where tenant_id in (:ids)")
                .param("ids", tenantIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("tenant_id"), k -> new HashSet<>()).add(rs.getString("host"));
                });
        return result;
    }

    void insert(long tenantId, String host, String createdBy, Instant now) {
        jdbc.sql("insert into opf_webhook_host (tenant_id, host, created_at, created_by) "
                        + "values (:tenantId, :host, :now, :createdBy)")
                .param("tenantId", tenantId).param("host", host).param("now", Sql.utc(now))
                .param("createdBy", createdBy).update();
    }

    boolean delete(long tenantId, String host) {
        return jdbc.sql("delete from opf_webhook_host where tenant_id = :tenantId and host = :host")
                .param("tenantId", tenantId).param("host", host).update() == 1;
    }
}
