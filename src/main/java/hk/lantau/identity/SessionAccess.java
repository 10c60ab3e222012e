package hk.lantau.identity;

/**
 * What a session may do. A session that still owes its second factor, or whose holder must first
 * enrol an authenticator, can do nothing but that step (and sign out).
 */
public enum SessionAccess {
    /** Everything the person's roles allow. */
    FULL,
    /** Only {@code POST /api/v1/auth/sessions/mfa}: the password was right, the TOTP code is still due. */
    MFA_REQUIRED,
    /** Only the MFA enrolment calls: the person's role requires MFA and they have not enrolled yet. */
    ENROLMENT_ONLY
}
