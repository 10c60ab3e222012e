package hk.lantau.openplatform.internal.accesslog;

import hk.lantau.openplatform.AccessLogEntry;
import hk.lantau.openplatform.AccessLogQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccessLogRepository {

    private static final String COLUMNS = "id, occurred_at, app_key, method, path, status, latency_ms, ip, request_id";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;

    AccessLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One multi-row insert: a round trip and a commit for the whole batch. */
    void insert(List<CallRecord> calls) {
        if (calls.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(calls.size() * 9);
        for (CallRecord call : calls) {
            params.add(call.tenantId());
            params.add(call.appKey());
            params.add(utc(call.occurredAt()));
            params.add(call.method());
            params.add(call.path());
            params.add(call.status());
            params.add(call.latencyMs());
            params.add(call.ip());
            params.add(call.requestId());
        }
        jdbc.sql("insert into opf_api_access_log (tenant_id, app_key, occurred_at, method, path, status, latency_ms, "
                        + "ip, request_id) values " + String.join(", ", java.util.Collections.nCopies(calls.size(), ROW)))
                .params(params).update();
    }

    /** Newest first; {@code after} is the last entry of the previous page, or {@code null}. */
    List<AccessLogEntry> page(long tenantId, String appKey, AccessLogQuery query, PageCursor after, int rows) {
        StringBuilder where = new StringBuilder("tenant_id = :tenantId and app_key = :appKey");
        var spec = new java.util.HashMap<String, Object>();
        spec.put("tenantId", tenantId);
        spec.put("appKey", appKey);
        if (query.from() != null) {
            where.append(" and occurred_at >= :from");
            spec.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < :to");
            spec.put("to", utc(query.to()));
        }
        if (query.statusClass() != null) {
            where.append(" and status >= :statusFrom and status < :statusTo");
            spec.put("statusFrom", query.statusClass() * 100);
            spec.put("statusTo", query.statusClass() * 100 + 100);
        }
        if (after != null) {
            where.append(" and (occurred_at < :afterTime or (occurred_at = :afterTime and id < :afterId))");
            spec.put("afterTime", utc(after.occurredAt()));
            spec.put("afterId", after.id());
        }
        return jdbc.sql("select " + COLUMNS + " from opf_api_access_log where " + where
                        + " order by occurred_at desc, id desc fetch first " + rows + " rows only")
                .params(spec).query((rs, n) -> entry(rs)).list();
    }

    /** Deletes up to {@code batch} records older than {@code before}; returns how many went. */
    int deleteBefore(Instant before, int batch) {
        return jdbc.sql("delete from opf_api_access_log where id in (select id from opf_api_access_log "
                        + "where occurred_at < :before fetch first " + batch + " rows only)")
                .param("before", utc(before)).update();
    }

    private static AccessLogEntry entry(ResultSet rs) throws SQLException {
        return new AccessLogEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("app_key"), rs.getString("method"), rs.getString("path"), rs.getInt("status"),
                rs.getInt("latency_ms"), rs.getString("ip"), rs.getString("request_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
