package hk.lantau.openplatform;

import java.util.List;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4): an app's key and secret for an access token
 * valid {@link #LIFETIME_SECONDS} seconds, or a {@link TokenRefusedException}.
 */
public interface AccessTokens {

    long LIFETIME_SECONDS = 7_200;

    /** The prefix every access token starts with, so it is told from a session token without a lookup. */
    String PREFIX = "lat.";

    /**
     * @param requestedScopes the scopes the app asked for, or {@code null}; each must be one it holds,
     *                        and the token always carries all the app's scopes
     * @param ip              the caller's address, checked against the app's allow-list
     */
    AccessToken grant(String appKey, String secret, List<String> requestedScopes, String ip);

    /**
     * The same checks and refusals as {@link #grant(String, String, List, String)}, but hands out the
     * app's current token again while it stays valid for a while, extending it to a full
     * {@link #LIFETIME_SECONDS} (less if its secret stops sooner), as DingTalk does. A token granted
     * with another secret, or about to stop, is replaced by a new one.
     */
    AccessToken grant(String appKey, String secret, String ip, TokenReuse reuse);
}
