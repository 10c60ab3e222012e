package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to a chain. The chain's head row is locked ({@code select ... for update}) until the
 * surrounding transaction ends, so appends to one chain are serialised and a rolled-back change
 * takes its audit record and the head's advance with it.
 */
@Component
class AuditAppender {

    private final JdbcClient jdbc;
    private final ChainHasher hasher;

    AuditAppender(JdbcClient jdbc, ChainHasher hasher) {
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    /** Appends {@code draft}, whose chain, seq, prevHash and hash are filled in here. */
    @Transactional(propagation = Propagation.MANDATORY)
    AuditEntry append(AuditEntry draft) {
        Head head = lockHead(draft.chain()).orElseGet(() -> {
            // Two first appends may race: the loser's insert does nothing and it then waits on the lock.
            jdbc.sql("insert into cmp_audit_head (chain, last_seq, last_hash) values (:chain, 0, :genesis) "
                            + "on conflict do nothing")
                    .param("chain", draft.chain()).param("genesis", ChainHasher.GENESIS).update();
            return lockHead(draft.chain()).orElseThrow();
        });
        long seq = head.lastSeq() + 1;
        AuditEntry unsigned = link(draft, seq, head.lastHash(), null);
        String hash = hasher.hash(hasher.newMac(), unsigned);
        jdbc.sql("""
                insert into cmp_audit_record (chain, seq, occurred_at, actor_kind, actor_ref, actor_name, ip,
                                              request_id, action, target_type, target_id, changes, prev_hash, hash)
                values (:chain, :seq, :at, :kind, :ref, :name, :ip, :requestId, :action, :targetType, :targetId,
                        :changes, :prevHash, :hash)""")
                .param("chain", unsigned.chain()).param("seq", seq)
                .param("at", OffsetDateTime.ofInstant(unsigned.occurredAt(), ZoneOffset.UTC))
                .param("kind", unsigned.actorKind().name()).param("ref", unsigned.actorReference())
                .param("name", unsigned.actorName()).param("ip", unsigned.ip())
                .param("requestId", unsigned.requestId()).param("action", unsigned.action())
                .param("targetType", unsigned.targetType()).param("targetId", unsigned.targetId())
                .param("changes", unsigned.changes()).param("prevHash", head.lastHash()).param("hash", hash)
                .update();
        jdbc.sql("update cmp_audit_head set last_seq = :seq, last_hash = :hash where chain = :chain")
                .param("seq", seq).param("hash", hash).param("chain", unsigned.chain()).update();
        return link(unsigned, seq, head.lastHash(), hash);
    }

    private static AuditEntry link(AuditEntry e, long seq, String prevHash, String hash) {
        return new AuditEntry(e.chain(), seq, e.occurredAt(), e.actorKind(), e.actorReference(), e.actorName(),
                e.ip(), e.requestId(), e.action(), e.targetType(), e.targetId(), e.changes(), prevHash, hash);
    }

    private Optional<Head> lockHead(long chain) {
        return jdbc.sql("select last_seq, last_hash from cmp_audit_head where chain = :chain for update")
                .param("chain", chain)
                .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .optional();
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
