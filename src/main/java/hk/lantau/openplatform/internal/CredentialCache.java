package hk.lantau.openplatform.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.internal.TokenRepository.StoredToken;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What each node remembers of apps and their tokens, so a call with an access token costs no query.
 * Entries live at most {@link CredentialProperties#tokenCacheTtl()}: that bounds how long a revoked
 * secret, a disabled app or a narrowed scope list takes to reach the other nodes. On this node a
 * change drops the app's entries at once and again after its transaction commits.
 */
@Component
class CredentialCache {

    private final AppRepository apps;
    private final TokenRepository tokens;
    private final Organisations organisations;
    private final Cache<String, Optional<AppSnapshot>> appsByKey;
    private final Cache<String, StoredToken> tokensByHash;

    CredentialCache(AppRepository apps, TokenRepository tokens, Organisations organisations,
                    CredentialProperties properties) {
        this.apps = apps;
        this.tokens = tokens;
        this.organisations = organisations;
        this.appsByKey = Caffeine.newBuilder().expireAfterWrite(properties.tokenCacheTtl()).maximumSize(10_000).build();
        this.tokensByHash = Caffeine.newBuilder().expireAfterWrite(properties.tokenCacheTtl()).maximumSize(100_000)
                .build();
    }

    /** The app with its organisation's standing, or empty for an unknown key. */
    Optional<AppSnapshot> app(String appKey) {
        return appsByKey.get(appKey, key -> apps.findByKey(key).map(app -> new AppSnapshot(app,
                organisations.find(app.tenantId()).map(o -> o.status() == Organisation.Status.ACTIVE).orElse(false))));
    }

    /** A token by the hash of its value; unknown and revoked tokens are not remembered. */
    Optional<StoredToken> token(String hash) {
        StoredToken cached = tokensByHash.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredToken> found = tokens.find(hash);
        found.ifPresent(token -> tokensByHash.put(hash, token));
        return found;
    }

    /** Drops one token, whose expiry changed, so this node reads it again. */
    void forgetToken(String hash) {
        tokensByHash.invalidate(hash);
    }

    /** Drops what this node knows of an app and its tokens, now and after the current transaction commits. */
    void forget(long appId, String appKey) {
        Runnable drop = () -> {
            appsByKey.invalidate(appKey);
            tokensByHash.asMap().values().removeIf(token -> token.appId() == appId);
        };
        drop.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drop.run();
                }
            });
        }
    }

    /** An app as of when it was read, with whether its organisation was active then. */
    record AppSnapshot(AppView app, boolean organisationActive) {
    }
}
