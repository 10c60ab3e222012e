package hk.lantau.compliance.internal;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.shared.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Seals machine secrets with the field keyset. The associated data has its own prefix, so a
 * sealed secret can never be opened as a protected field or the other way round. Keyed hashes use
 * a key derived from the blind-index key per purpose: blind-index inputs start with an
 * organisation's number, derivation inputs with a fixed label, so the two never share a key.
 */
@Component
class TinkSecretSealing implements SecretSealing {

    private final FieldKeys keys;
    private final byte[] hashRootKey;
    private final Map<String, byte[]> hashKeys = new ConcurrentHashMap<>();

    TinkSecretSealing(FieldKeys keys, KeyDirectory directory) {
        this.keys = keys;
        this.hashRootKey = directory.blindIndexKey();
    }

    @Override
    public String seal(String purpose, String clear) {
        return clear == null ? null : keys.seal(clear, associatedData(purpose));
    }

    @Override
    public String open(String purpose, String sealed) {
        return sealed == null ? null : keys.open(sealed, associatedData(purpose));
    }

    @Override
    public String reseal(String purpose, String sealed) {
        if (sealed == null || keys.isUnderPrimary(sealed)) {
            return sealed;
        }
        return seal(purpose, open(purpose, sealed));
    }

    @Override
    public String keyedHash(String purpose, String value) {
        byte[] key = hashKeys.computeIfAbsent(purpose,
                p -> HexFormat.of().parseHex(Tokens.hmacHex(hashRootKey, "lantau-keyed-hash|" + p)));
        return Tokens.hmacHex(key, value);
    }

    private static byte[] associatedData(String purpose) {
        return ("lantau-secret|" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
