package hk.lantau.identity;

/**
 * A person ended their own session by signing out. Not audited (signing in is); other modules use
 * it to let go of what the session held open, such as live streams.
 */
public record SignedOut(Long tenantId, String userId, String sessionId) {
}
