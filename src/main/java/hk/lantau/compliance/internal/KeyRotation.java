package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditTrail;
import hk.lantau.compliance.ReencryptionParticipant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Service;

/**
 * Rotates the field keys: a new primary key is added and saved (old keys stay, so every stored
 * value keeps decrypting), then each module re-encrypts what it stores under the new key.
 * Running it again after a failure is safe: it adds another key and re-encrypts everything.
 */
@Service
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final FieldKeys keys;
    private final TinkFieldProtection fields;
    private final List<ReencryptionParticipant> participants;
    private final AuditTrail trail;

    KeyRotation(FieldKeys keys, TinkFieldProtection fields, List<ReencryptionParticipant> participants,
                AuditTrail trail) {
        this.keys = keys;
        this.fields = fields;
        this.participants = participants;
        this.trail = trail;
    }

    Result rotate() {
        int previous = keys.primaryKeyId();
        int primary = keys.addPrimaryKey();
        log.info("Added field key {} as primary (was {}); re-encrypting stored values", primary, previous);
        Map<String, Integer> rewritten = new LinkedHashMap<>();
        for (ReencryptionParticipant participant : participants) {
            String name = AopUtils.getTargetClass(participant).getName();
            int count = participant.reencryptAll(fields::reencrypt);
            rewritten.put(name, count);
            log.info("{} re-encrypted {} values", name, count);
        }
        Result result = new Result(previous, primary, keys.keyCount(), rewritten);
        trail.record(new FieldKeysRotated(result));
        return result;
    }

    record Result(int previousKeyId, int primaryKeyId, int keyCount, Map<String, Integer> rewritten) {

        Result {
            rewritten = Map.copyOf(rewritten);
        }

        int total() {
            return rewritten.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
