package hk.lantau.openplatform;

import java.util.List;

/**
 * The addresses an app's users may be sent back to with a sign-in code (DingTalk's OAuth2
 * {@code redirect_uri}). The module that serves DingTalk's sign-in keeps them; the console edits them
 * through this interface without depending on that module.
 */
public interface AppRedirectUris {

    int MAX_REDIRECTS = 10;

    /** The app's redirect addresses; {@code apps.manage}, 404 for another organisation's app. */
    List<String> redirects(long tenantId, long appId);

    /**
     * Replaces the app's redirect addresses (absolute http or https, no fragment, at most
     * {@link #MAX_REDIRECTS}); audited. 400 naming {@code redirectUris} otherwise.
     */
    List<String> replaceRedirects(long tenantId, long appId, List<String> uris);
}
