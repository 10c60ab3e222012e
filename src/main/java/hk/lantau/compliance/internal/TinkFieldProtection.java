package hk.lantau.compliance.internal;

import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with the organisation and the field as associated data, so a ciphertext moved to
 * another organisation's row or another column fails to decrypt instead of showing someone
 * else's data.
 */
@Component
class TinkFieldProtection implements FieldProtection {

    private static final Logger log = LoggerFactory.getLogger(TinkFieldProtection.class);

    private final FieldKeys keys;
    private final byte[] blindIndexKey;

    TinkFieldProtection(FieldKeys keys, KeyDirectory directory) {
        this.keys = keys;
        this.blindIndexKey = directory.blindIndexKey();
    }

    @Override
    public String encrypt(long tenantId, ProtectedField field, String clear) {
        return clear == null ? null : keys.seal(clear, associatedData(tenantId, field));
    }

    @Override
    public String decrypt(long tenantId, ProtectedField field, String cipherText) {
        if (cipherText == null) {
            return null;
        }
        try {
            return keys.open(cipherText, associatedData(tenantId, field));
        } catch (LantauException e) {
            log.warn("A stored {} value of organisation {} failed to decrypt: wrong organisation or field, "
                    + "damaged, or encrypted with a key missing from the keyset", field.key(), tenantId);
            throw e;
        }
    }

    @Override
    public String mask(ProtectedField field, String clear) {
        return Masks.mask(field, clear);
    }

    @Override
    public String blindIndex(long tenantId, ProtectedField field, String normalisedValue) {
        if (normalisedValue == null) {
            return null;
        }
        return Tokens.hmacHex(blindIndexKey, tenantId + "|" + field.key() + "|" + normalisedValue);
    }

    /** Decrypts with any key and encrypts with the primary; values already under the primary are kept. */
    String reencrypt(long tenantId, ProtectedField field, String cipherText) {
        if (cipherText == null || keys.isUnderPrimary(cipherText)) {
            return cipherText;
        }
        return encrypt(tenantId, field, decrypt(tenantId, field, cipherText));
    }

    private static byte[] associatedData(long tenantId, ProtectedField field) {
        return ("lantau|" + tenantId + "|" + field.key()).getBytes(StandardCharsets.UTF_8);
    }
}
