package hk.lantau.openplatform;

/**
 * Registering and changing an organisation's internal apps. Every method needs the caller's
 * {@code apps.manage} permission, answers 404 for apps of other organisations, and writes the audit
 * trail in the same transaction.
 */
public interface AppAdministration {

    int DEFAULT_RATE_LIMIT = 600;
    int MAX_RATE_LIMIT = 100_000;

    /** Registers an app and issues its first secret. */
    RegisteredApp register(long tenantId, NewApp app);

    AppView get(long tenantId, long appId);

    AppView change(long tenantId, long appId, AppChange change);

    /** Stops the app: no new tokens, and its tokens stop working (at once here, within 30 s elsewhere). */
    AppView disable(long tenantId, long appId);

    AppView enable(long tenantId, long appId);
}
