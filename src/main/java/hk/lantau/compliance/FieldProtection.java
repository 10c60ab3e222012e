package hk.lantau.compliance;

/**
 * Encrypts, decrypts, masks and indexes protected values. Ciphertexts are bound to their
 * organisation and field, so a value copied into another tenant's row does not decrypt.
 */
public interface FieldProtection {

    /** Encrypts a value (AES-256-GCM, current primary key). {@code null} stays {@code null}. */
    String encrypt(long tenantId, ProtectedField field, String clear);

    /** Decrypts with whichever key of the keyset encrypted it. */
    String decrypt(long tenantId, ProtectedField field, String cipherText);

    /** The masked form shown to people without the right to reveal, e.g. {@code +852 9***1234}. */
    String mask(ProtectedField field, String clear);

    /**
     * A keyed hash of a normalised value, for equality look-ups and uniqueness (e.g. "is this mobile
     * already used in this organisation") without storing the value in clear.
     */
    String blindIndex(long tenantId, ProtectedField field, String normalisedValue);
}
