package hk.lantau.compliance.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import hk.lantau.shared.LantauException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The AES-256-GCM keyset shared by protected fields and sealed secrets. Stored form: {@code v1:}
 * and the Base64 of Tink's ciphertext, whose first five bytes name the key that encrypted it, so
 * values from before a rotation still decrypt.
 */
@Component
class FieldKeys {

    static final String VERSION = "v1:";

    private final KeyDirectory keys;
    private volatile Keyring keyring;

    FieldKeys(KeyDirectory keys) {
        this.keys = keys;
        this.keyring = Keyring.of(keys.fieldKeyset());
    }

    String seal(String clear, byte[] associatedData) {
        try {
            byte[] sealed = keyring.aead.encrypt(clear.getBytes(StandardCharsets.UTF_8), associatedData);
            return VERSION + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Decrypts, failing for a value bound to other associated data, damaged, or under a key not in
     * the keyset. The error names neither value nor key.
     */
    String open(String sealed, byte[] associatedData) {
        try {
            byte[] clear = keyring.aead.decrypt(sealedBytes(sealed), associatedData);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new LantauException(HttpStatus.INTERNAL_SERVER_ERROR, "compliance.decrypt_failed",
                    "A protected value could not be decrypted. Quote the request id when you report it.");
        }
    }

    boolean isUnderPrimary(String sealed) {
        try {
            return keyring.isUnderPrimary(sealedBytes(sealed));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Adds a new key as primary and saves the keyset before any value is re-encrypted, so a crash
     * part-way through leaves values under old and new keys that all still decrypt.
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

    private static byte[] sealedBytes(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("Unknown ciphertext version");
        }
        return Base64.getDecoder().decode(sealed.substring(VERSION.length()));
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
