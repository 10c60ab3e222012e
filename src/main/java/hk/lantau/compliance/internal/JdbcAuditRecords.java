package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditEntry;
import hk.lantau.compliance.AuditQuery;
import hk.lantau.compliance.AuditRecords;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditRecords implements AuditRecords {

    private static final String CURSOR_PREFIX = "a1:";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    JdbcAuditRecords(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = AuditRows.streaming(dataSource);
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<AuditEntry> page(long tenantId, AuditQuery query, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw LantauException.invalidField("limit", "compliance.limit_invalid",
                    "The limit must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        Filter filter = Filter.of(tenantId, query);
        if (cursor != null) {
            filter.sql.append(" and seq < :before");
            filter.params.put("before", decodeCursor(cursor));
        }
        List<AuditEntry> rows = jdbc.sql("select " + AuditRows.COLUMNS + " from cmp_audit_record where "
                        + filter.sql + " order by seq desc fetch first " + (limit + 1) + " rows only")
                .params(filter.params).query((rs, n) -> AuditRows.map(rs)).list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<AuditEntry> page = new ArrayList<>(rows.subList(0, limit));
        return new CursorPage<>(page, encodeCursor(page.get(limit - 1).seq()));
    }

    @Override
    @Transactional(readOnly = true)
    public void export(long tenantId, AuditQuery query, Consumer<AuditEntry> sink) {
        Filter filter = Filter.of(tenantId, query);
        streaming.sql("select " + AuditRows.COLUMNS + " from cmp_audit_record where " + filter.sql
                        + " order by seq")
                .params(filter.params).query(rs -> {
                    sink.accept(AuditRows.map(rs));
                });
    }

    private static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the error below; NumberFormatException is an IllegalArgumentException.
        }
        throw LantauException.invalidField("cursor", "compliance.cursor_invalid",
                "The cursor is not one this list returned.");
    }

    /** The where-clause for one chain and the optional filters, always with bound parameters. */
    private record Filter(StringBuilder sql, Map<String, Object> params) {

        static Filter of(long tenantId, AuditQuery query) {
            Filter filter = new Filter(new StringBuilder("chain = :chain"), new HashMap<>());
            filter.params.put("chain", tenantId);
            if (query.actionPrefix() != null) {
                filter.sql.append(" and action like :action escape '\\'");
                filter.params.put("action", escapeLike(query.actionPrefix()) + "%");
            }
            filter.add("actor_ref", "actor", query.actorReference());
            filter.add("target_type", "targetType", query.targetType());
            filter.add("target_id", "targetId", query.targetId());
            if (query.from() != null) {
                filter.sql.append(" and occurred_at >= :from");
                filter.params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            }
            if (query.to() != null) {
                filter.sql.append(" and occurred_at < :to");
                filter.params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            }
            return filter;
        }

        private void add(String column, String name, String value) {
            if (value != null) {
                sql.append(" and ").append(column).append(" = :").append(name);
                params.put(name, value);
            }
        }

        private static String escapeLike(String value) {
            return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
