package hk.lantau.openplatform;

import java.util.Optional;

/**
 * Where a caller of {@link AccessTokens#grant(String, String, String, TokenReuse)} keeps the token it
 * hands out again while it is valid (DingTalk's clients expect the same token from every request in
 * its lifetime). The open platform stores only hashes of tokens, so the clear value lives with the
 * caller, sealed. Both methods run inside the grant's transaction, after the credentials were checked.
 */
public interface TokenReuse {

    /** The token last handed out to this app, or empty. */
    Optional<String> current(long tenantId, long appId);

    /** Remembers a newly granted token as the app's current one. */
    void remember(long tenantId, long appId, AccessToken token);
}
