package hk.lantau.openplatform;

/** A newly registered app with its first secret (shown once). */
public record RegisteredApp(AppView app, IssuedSecret secret) {
}
