package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditEntry;
import hk.lantau.shared.ActorKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Column list and row mapping of {@code cmp_audit_record}, and a client that streams large reads. */
final class AuditRows {

    static final String COLUMNS = "chain, seq, occurred_at, actor_kind, actor_ref, actor_name, ip, request_id, "
            + "action, target_type, target_id, changes, prev_hash, hash";
    private static final int FETCH_SIZE = 1000;

    private AuditRows() {
    }

    static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("chain"), rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("actor_ref"), rs.getString("actor_name"),
                rs.getString("ip"), rs.getString("request_id"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("changes"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    /**
     * A client whose queries fetch rows in batches. PostgreSQL honours the fetch size only inside a
     * transaction, so callers stream within one.
     */
    static JdbcClient streaming(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        return JdbcClient.create(new NamedParameterJdbcTemplate(template));
    }
}
