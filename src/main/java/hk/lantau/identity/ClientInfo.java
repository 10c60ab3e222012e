package hk.lantau.identity;

/** Where a sign-in comes from, as recorded on the session. */
public record ClientInfo(String ip, String userAgent) {
}
