package hk.lantau.openplatform.internal;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.AccessToken;
import hk.lantau.openplatform.AccessTokens;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.SecretState;
import hk.lantau.openplatform.TokenRefusedException;
import hk.lantau.openplatform.TokenReuse;
import hk.lantau.openplatform.internal.TokenRepository.StoredToken;
import hk.lantau.shared.Scope;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The client-credentials grant. The secret is checked by its keyed hash (fast, so a busy token
 * endpoint is not spending its CPU on a slow password hash: the secret is long and random). Each
 * refusal of a known app is audited; an unknown app and a wrong secret answer alike.
 */
@Service
class TokenGrantService implements AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(TokenGrantService.class);
    private static final int MAX_CREDENTIAL_LENGTH = 200;

    private final AppRepository apps;
    private final SecretRepository secrets;
    private final TokenRepository tokens;
    private final Organisations organisations;
    private final SecretSealing sealing;
    private final GrantRefusals refusals;
    private final TransactionOperations tx;
    private final CredentialCache cache;
    private final Duration renewalMargin;
    private final Clock clock;

    TokenGrantService(AppRepository apps, SecretRepository secrets, TokenRepository tokens, Organisations organisations,
                      SecretSealing sealing, GrantRefusals refusals, TransactionOperations tx, CredentialCache cache,
                      CredentialProperties properties, Clock clock) {
        this.apps = apps;
        this.secrets = secrets;
        this.tokens = tokens;
        this.organisations = organisations;
        this.sealing = sealing;
        this.refusals = refusals;
        this.tx = tx;
        this.cache = cache;
        this.renewalMargin = properties.tokenCacheTtl().plusMinutes(1);
        this.clock = clock;
    }

    @Override
    public AccessToken grant(String appKey, String secret, List<String> requestedScopes, String ip) {
        Checked checked = check(appKey, secret, requestedScopes, ip);
        return tx.execute(status -> issue(checked, ip));
    }

    @Override
    public AccessToken grant(String appKey, String secret, String ip, TokenReuse reuse) {
        Checked checked = check(appKey, secret, null, ip);
        long tenantId = checked.app().tenantId();
        return tx.execute(status -> {
            Optional<AccessToken> renewed = reuse.current(tenantId, checked.app().id())
                    .flatMap(current -> renew(checked, current));
            if (renewed.isPresent()) {
                return renewed.get();
            }
            AccessToken token = issue(checked, ip);
            reuse.remember(tenantId, checked.app().id(), token);
            return token;
        });
    }

    private Checked check(String appKey, String secret, List<String> requestedScopes, String ip) {
        if (blank(appKey) || blank(secret)) {
            throw TokenRefusedException.invalidClient("openplatform.invalid_client",
                    "Send the app key and secret as client_id and client_secret, or with HTTP Basic.");
        }
        if (appKey.length() > MAX_CREDENTIAL_LENGTH || secret.length() > MAX_CREDENTIAL_LENGTH) {
            throw badCredentials();
        }
        String hash = sealing.keyedHash(SecretService.HASH_PURPOSE, secret);
        AppView app = apps.findByKey(appKey).orElseThrow(TokenGrantService::badCredentials);
        SecretRow row = secrets.findByHash(app.id(), hash).orElse(null);
        if (row == null) {
            throw refuse(app, badCredentials(), ip);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        checkSecret(app, row, now, ip);
        if (!app.active()) {
            throw refuse(app, TokenRefusedException.unauthorized("openplatform.app_disabled",
                    "This app is disabled; an admin of its organisation can enable it."), ip);
        }
        if (!organisations.find(app.tenantId()).map(o -> o.status() == Organisation.Status.ACTIVE).orElse(false)) {
            throw refuse(app, TokenRefusedException.unauthorized("openplatform.organisation_suspended",
                    "The app's organisation is suspended."), ip);
        }
        if (!AllowList.permits(app.ipAllowList(), ip)) {
            log.warn("Token request of app {} refused: address {} is not on its allow-list", app.appKey(), ip);
            throw refuse(app, TokenRefusedException.unauthorized("openplatform.ip_not_allowed",
                    "This address may not use the app; its allow-list does not include it."), ip);
        }
        checkScopes(app, requestedScopes);
        return new Checked(app, row, now);
    }

    private AccessToken issue(Checked checked, String ip) {
        String token = PREFIX + Tokens.random(32);
        Instant expiresAt = expiry(checked);
        tokens.insert(Tokens.sha256Hex(token), checked.app().tenantId(), checked.app().id(), checked.row().id(),
                checked.now(), expiresAt, ip == null || ip.length() > 64 ? null : ip);
        return new AccessToken(token, expiresAt, Duration.between(checked.now(), expiresAt).toSeconds(),
                checked.app().scopes());
    }

    /**
     * Extends the app's current token when it was granted with the same secret and stays usable
     * beyond the renewal margin: other nodes may hold its old expiry in their caches for that long.
     */
    private Optional<AccessToken> renew(Checked checked, String current) {
        if (!current.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(current);
        Optional<StoredToken> stored = tokens.find(hash).filter(t -> t.appId() == checked.app().id()
                && t.tenantId() == checked.app().tenantId() && t.secretId() == checked.row().id()
                && t.usableUntil().isAfter(checked.now().plus(renewalMargin)));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = expiry(checked);
        tokens.extend(hash, checked.app().tenantId(), expiresAt);
        cache.forgetToken(hash);
        return Optional.of(new AccessToken(current, expiresAt, Duration.between(checked.now(), expiresAt).toSeconds(),
                checked.app().scopes()));
    }

    private static Instant expiry(Checked checked) {
        return earliest(checked.now().plusSeconds(LIFETIME_SECONDS), checked.row().expiresAt(),
                checked.row().graceUntil());
    }

    /** Credentials that passed every check, and the time they were checked at. */
    private record Checked(AppView app, SecretRow row, Instant now) {
    }

    private void checkSecret(AppView app, SecretRow row, Instant now, String ip) {
        SecretState state = row.stateAt(now);
        switch (state) {
            case REVOKED -> throw refuse(app, TokenRefusedException.invalidClient("openplatform.secret_revoked",
                    "This secret was revoked; ask an admin for the app's current secret."), ip);
            case EXPIRED -> throw refuse(app, TokenRefusedException.invalidClient("openplatform.secret_expired",
                    "This secret expired on " + row.expiresAt() + "; an admin can issue a new one."), ip);
            case RETIRED -> throw refuse(app, TokenRefusedException.invalidClient("openplatform.secret_grace_ended",
                    "This secret was replaced and its grace period ended on " + row.graceUntil()
                            + "; use the app's new secret."), ip);
            default -> {
            }
        }
    }

    private static void checkScopes(AppView app, List<String> requested) {
        if (requested == null) {
            return;
        }
        for (String key : requested) {
            Optional<Scope> scope = Scope.fromKey(key);
            if (scope.isEmpty() || !app.has(scope.get())) {
                throw new TokenRefusedException(HttpStatus.BAD_REQUEST, "invalid_scope", "openplatform.invalid_scope",
                        "The app does not hold the scope '" + key + "'; it holds: "
                                + String.join(" ", Scopes.keys(app.scopes())) + ".");
            }
        }
    }

    private TokenRefusedException refuse(AppView app, TokenRefusedException refusal, String ip) {
        refusals.record(app, refusal.code(), ip);
        return refusal;
    }

    private static TokenRefusedException badCredentials() {
        return TokenRefusedException.invalidClient("openplatform.invalid_client", "The app key or secret is wrong.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant earliest(Instant first, Instant... others) {
        Instant earliest = first;
        for (Instant other : others) {
            if (other != null && other.isBefore(earliest)) {
                earliest = other;
            }
        }
        return earliest;
    }
}
