package hk.lantau.compat.internal;

import hk.lantau.compat.AppTokens;
import hk.lantau.openplatform.AccessToken;
import hk.lantau.openplatform.AccessTokens;
import org.springframework.stereotype.Service;

@Service
class AppTokenService implements AppTokens {

    private final AccessTokens tokens;
    private final SavedTokens saved;

    AppTokenService(AccessTokens tokens, SavedTokens saved) {
        this.tokens = tokens;
        this.saved = saved;
    }

    @Override
    public AccessToken grant(String appKey, String appSecret, String ip) {
        return tokens.grant(appKey, appSecret, ip, saved);
    }
}
