package hk.lantau.compliance;

/**
 * Implemented by each module that stores protected values, so key rotation can re-encrypt every
 * stored value under the new primary key.
 */
public interface ReencryptionParticipant {

    /**
     * Re-encrypts all values this module holds by passing each through {@code reencrypt} and
     * storing the result. Returns how many values were rewritten.
     */
    int reencryptAll(Reencryptor reencrypt);

    @FunctionalInterface
    interface Reencryptor {
        String apply(long tenantId, ProtectedField field, String cipherText);
    }
}
