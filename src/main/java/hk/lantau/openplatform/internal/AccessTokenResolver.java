package hk.lantau.openplatform.internal;

import hk.lantau.identity.BearerTokenResolver;
import hk.lantau.openplatform.AccessTokens;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.internal.CredentialCache.AppSnapshot;
import hk.lantau.openplatform.internal.TokenRepository.StoredToken;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an app's access token into its actor. Lookups come from the credential cache; expiry, the
 * app's status and its allow-list are checked on every call, so a token stops at its expiry to the
 * second and an address change takes effect at once.
 */
@Component
class AccessTokenResolver implements BearerTokenResolver {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenResolver.class);
    private static final int MAX_LENGTH = 200;

    private final CredentialCache cache;
    private final Clock clock;

    AccessTokenResolver(CredentialCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public boolean accepts(String token) {
        return token.startsWith(AccessTokens.PREFIX);
    }

    @Override
    public Optional<Actor> resolve(String token, String ip) {
        if (token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<StoredToken> stored = cache.token(Tokens.sha256Hex(token));
        if (stored.isEmpty() || !clock.instant().isBefore(stored.get().usableUntil())) {
            return Optional.empty();
        }
        Optional<AppView> found = cache.app(stored.get().appKey())
                .filter(AppSnapshot::organisationActive).map(AppSnapshot::app)
                .filter(app -> app.id() == stored.get().appId() && app.active());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppView app = found.get();
        if (!AllowList.permits(app.ipAllowList(), ip)) {
            log.warn("Call of app {} refused: address {} is not on its allow-list", app.appKey(), ip);
            throw LantauException.forbidden("openplatform.ip_not_allowed",
                    "This address may not use the app; its allow-list does not include it.");
        }
        return Optional.of(new Actor(ActorKind.APP, app.tenantId(), app.appKey(), null, app.name(),
                Scopes.permissions(app.scopes()), null, ip));
    }
}
