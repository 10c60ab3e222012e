package hk.lantau.compliance;

/**
 * The one way to see a protected value in clear: checks the caller's reveal permission for the
 * field, writes the reveal to the audit trail in the caller's transaction, and only then decrypts.
 */
public interface ProtectedValues {

    /**
     * @throws hk.lantau.shared.LantauException 403 {@code compliance.reveal_forbidden} when the caller's
     *         roles do not allow revealing this field
     */
    String reveal(long tenantId, String targetType, String targetId, ProtectedField field, String cipherText);

    /** Whether the current caller may reveal this field (for showing or hiding the reveal action). */
    boolean mayReveal(ProtectedField field);
}
