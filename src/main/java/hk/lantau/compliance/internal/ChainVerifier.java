package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditEntry;
import hk.lantau.compliance.AuditVerification;
import hk.lantau.compliance.ChainVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks a chain in order, streaming rows, and stops at the first record that does not match.
 * The head is read first and bounds the walk, so records appended meanwhile are not mistaken for
 * tampering; a head ahead of the last record means records were deleted from the end.
 */
@Service
class ChainVerifier implements AuditVerification {

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final ChainHasher hasher;

    ChainVerifier(JdbcClient jdbc, DataSource dataSource, ChainHasher hasher) {
        this.jdbc = jdbc;
        this.streaming = AuditRows.streaming(dataSource);
        this.hasher = hasher;
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify(Long tenantId) {
        return verifyChain(tenantId == null ? INSTALLATION_CHAIN : tenantId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChainVerification> verifyAll() {
        List<Long> chains = jdbc.sql("""
                select chain from cmp_audit_head
                union
                select distinct chain from cmp_audit_record
                order by chain""").query(Long.class).list();
        List<ChainVerification> results = new ArrayList<>();
        for (long chain : chains) {
            results.add(verifyChain(chain));
        }
        return results;
    }

    private ChainVerification verifyChain(long chain) {
        Optional<Head> head = jdbc.sql("select last_seq, last_hash from cmp_audit_head where chain = :chain")
                .param("chain", chain).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
        Walk walk = new Walk(chain, hasher.newMac());
        streaming.sql("select " + AuditRows.COLUMNS + " from cmp_audit_record where chain = :chain and seq <= :last "
                        + "order by seq")
                .param("chain", chain).param("last", head.map(Head::lastSeq).orElse(Long.MAX_VALUE))
                .query((ResultSetExtractor<Long>) rs -> {
                    while (walk.broken == null && rs.next()) {
                        walk.check(AuditRows.map(rs));
                    }
                    return walk.checked;
                });
        if (walk.broken != null) {
            return walk.broken;
        }
        if (head.isEmpty()) {
            return walk.checked == 0 ? ChainVerification.intact(chain, 0)
                    : ChainVerification.broken(chain, walk.checked, walk.expectedSeq - 1,
                    ChainVerification.HEAD_MISMATCH);
        }
        if (head.get().lastSeq() >= walk.expectedSeq) {
            return ChainVerification.broken(chain, walk.checked, walk.expectedSeq, ChainVerification.SEQUENCE_GAP);
        }
        if (!head.get().lastHash().equals(walk.prevHash)) {
            return ChainVerification.broken(chain, walk.checked, head.get().lastSeq(),
                    ChainVerification.HEAD_MISMATCH);
        }
        return ChainVerification.intact(chain, walk.checked);
    }

    private record Head(long lastSeq, String lastHash) {
    }

    /** The state of one walk: the next expected position and hash, and the first break found. */
    private final class Walk {

        private final long chain;
        private final Mac mac;
        private long expectedSeq = 1;
        private String prevHash = ChainHasher.GENESIS;
        private long checked;
        private ChainVerification broken;

        Walk(long chain, Mac mac) {
            this.chain = chain;
            this.mac = mac;
        }

        void check(AuditEntry entry) {
            if (entry.seq() != expectedSeq) {
                broken = ChainVerification.broken(chain, checked, expectedSeq, ChainVerification.SEQUENCE_GAP);
                return;
            }
            if (!entry.prevHash().equals(prevHash)) {
                broken = ChainVerification.broken(chain, checked, entry.seq(),
                        ChainVerification.PREV_HASH_MISMATCH);
                return;
            }
            checked++;
            if (!hasher.hash(mac, entry).equals(entry.hash())) {
                broken = ChainVerification.broken(chain, checked, entry.seq(), ChainVerification.HASH_MISMATCH);
                return;
            }
            prevHash = entry.hash();
            expectedSeq++;
        }
    }
}
