package hk.lantau.compliance;

/**
 * Encrypts machine secrets that must be read back in clear later (TOTP seeds, outgoing webhook
 * keys), with the same managed keys as protected fields. {@code purpose} is bound as associated
 * data, so a sealed value only opens for the purpose it was sealed for.
 */
public interface SecretSealing {

    String seal(String purpose, String clear);

    String open(String purpose, String sealed);

    /**
     * Re-encrypts a sealed secret under the current primary key (unchanged if it already is), for a
     * {@link ReencryptionParticipant} that stores sealed secrets to call during key rotation.
     */
    String reseal(String purpose, String sealed);

    /**
     * A keyed hash (HMAC-SHA256, lower-case hex) of a machine secret that is only ever compared,
     * never read back, such as an app secret. The key is held by the server outside the database and
     * differs per {@code purpose}, so a copied table cannot be checked against guesses offline and a
     * hash made for one purpose never matches another.
     */
    String keyedHash(String purpose, String value);
}
