package hk.lantau.compliance.internal;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;
import java.util.TreeMap;

/** The installation's field keys were rotated. Key ids are public (every ciphertext carries one). */
record FieldKeysRotated(KeyRotation.Result result) implements AuditableEvent {

    @Override
    public Long tenantId() {
        return null;
    }

    @Override
    public String action() {
        return "compliance.keys.rotated";
    }

    @Override
    public String targetType() {
        return "keyset";
    }

    @Override
    public String targetId() {
        return "field-keyset";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("previousKeyId", result.previousKeyId(), "primaryKeyId", result.primaryKeyId(),
                "keyCount", result.keyCount(), "valuesRewritten", new TreeMap<>(result.rewritten()));
    }
}
