package hk.lantau.openplatform;

/**
 * An app was registered, changed, disabled or enabled; {@code app} is how it is now. For modules that
 * keep something per app (rate limits, subscriptions). Published in the changing transaction, so an
 * {@code @ApplicationModuleListener} sees it only after commit.
 */
public record AppChanged(long tenantId, AppView app, Kind kind) {

    public enum Kind { REGISTERED, UPDATED, DISABLED, ENABLED }
}
