package hk.lantau.compliance.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM through a Tink keyset. The associated data names the organisation and the field,
 * so a ciphertext moved to another organisation's row or another column fails to decrypt instead
 * of showing someone else's data. Stored form: {@code v1:} and the Base64 of Tink's ciphertext,
 * whose first five bytes name the key that encrypted it.
 */
@Component
class TinkFieldProtection implements FieldProtection {

    static final String VERSION = "v1:";
    private static final Logger log = LoggerFactory.getLogger(TinkFieldProtection.class);

    private final KeyDirectory keys;
    private final byte[] blindIndexKey;
    private volatile Keyring keyring;

    TinkFieldProtection(KeyDirectory keys) {
        this.keys = keys;
        this.blindIndexKey = keys.blindIndexKey();
        this.keyring = Keyring.of(keys.fieldKeyset());
    }

    @Override
    public String encrypt(long tenantId, ProtectedField field, String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] sealed = keyring.aead.encrypt(clear.getBytes(StandardCharsets.UTF_8),
                    associatedData(tenantId, field));
            return VERSION + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for field " + field.key(), e);
        }
    }

    @Override
    public String decrypt(long tenantId, ProtectedField field, String cipherText) {
        if (cipherText == null) {
            return null;
        }
        try {
            byte[] clear = keyring.aead.decrypt(sealedBytes(cipherText), associatedData(tenantId, field));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            log.warn("A stored {} value of organisation {} failed to decrypt: wrong organisation or field, "
                    + "damaged, or encrypted with a key missing from the keyset", field.key(), tenantId);
            throw new LantauException(HttpStatus.INTERNAL_SERVER_ERROR, "compliance.decrypt_failed",
                    "A protected value could not be decrypted. Quote the request id when you report it.");
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
        if (cipherText == null || isUnderPrimary(cipherText)) {
            return cipherText;
        }
        return encrypt(tenantId, field, decrypt(tenantId, field, cipherText));
    }

    /**
     * Adds a new AES-256-GCM key as primary and saves the keyset before any value is re-encrypted,
     * so a crash part-way through leaves values under old and new keys that all still decrypt.
     */
    synchronized int addPrimaryKey() {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(keyring.handle)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            keys.saveFieldKeyset(rotated);
            keyring = Keyring.of(rotated);
            return rotated.getPrimary().getId();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add a key to the field keyset", e);
        }
    }

    int keyCount() {
        return keyring.handle.size();
    }

    int primaryKeyId() {
        return keyring.handle.getPrimary().getId();
    }

    private boolean isUnderPrimary(String cipherText) {
        try {
            return keyring.isUnderPrimary(sealedBytes(cipherText));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sealedBytes(String cipherText) {
        if (!cipherText.startsWith(VERSION)) {
            throw new IllegalArgumentException("Unknown ciphertext version");
        }
        return Base64.getDecoder().decode(cipherText.substring(VERSION.length()));
    }

    private static byte[] associatedData(long tenantId, ProtectedField field) {
        return ("lantau|" + tenantId + "|" + field.key()).getBytes(StandardCharsets.UTF_8);
    }

    /** One keyset with its primitive and the ciphertext prefix of its primary key. */
    private record Keyring(KeysetHandle handle, Aead aead, byte[] primaryPrefix) {

        static Keyring of(KeysetHandle handle) {
            try {
                Aead aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
                byte[] prefix = ((AeadKey) handle.getPrimary().getKey()).getOutputPrefix().toByteArray();
                return new Keyring(handle, aead, prefix);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The field keyset cannot be used for AEAD", e);
            }
        }

        boolean isUnderPrimary(byte[] sealed) {
            return primaryPrefix.length > 0 && sealed.length >= primaryPrefix.length
                    && Arrays.equals(sealed, 0, primaryPrefix.length, primaryPrefix, 0, primaryPrefix.length);
        }
    }
}
