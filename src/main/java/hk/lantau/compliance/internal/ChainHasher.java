package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hashes audit records. The hash is an HMAC with a key kept outside the database, so someone who
 * can edit the tables cannot recompute a consistent chain. Each field is written with its length
 * so that no two different records share a serialisation.
 */
@Component
class ChainHasher {

    static final String GENESIS = "0".repeat(64);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String FORMAT = "lantau-audit-v1";

    private final SecretKeySpec key;

    @Autowired
    ChainHasher(KeyDirectory keys) {
        this(keys.auditChainKey());
    }

    ChainHasher(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** A MAC for one thread's run of hashes (a verification walk, one append). */
    Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The hash of {@code entry} chained to {@code entry.prevHash()}; {@code entry.hash()} is ignored. */
    String hash(Mac mac, AuditEntry entry) {
        StringBuilder text = new StringBuilder(256 + entry.changes().length()).append(FORMAT);
        field(text, Long.toString(entry.chain()));
        field(text, Long.toString(entry.seq()));
        field(text, time(entry.occurredAt()));
        field(text, entry.actorKind().name());
        field(text, entry.actorReference());
        field(text, entry.actorName());
        field(text, entry.ip());
        field(text, entry.requestId());
        field(text, entry.action());
        field(text, entry.targetType());
        field(text, entry.targetId());
        field(text, entry.changes());
        field(text, entry.prevHash());
        return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("|-");
        } else {
            text.append('|').append(value.length()).append(':').append(value);
        }
    }

    /** Seconds and microseconds since the epoch: the precision both databases store. */
    private static String time(Instant at) {
        String micros = Integer.toString(at.getNano() / 1000);
        return at.getEpochSecond() + "." + "000000".substring(micros.length()) + micros;
    }
}
