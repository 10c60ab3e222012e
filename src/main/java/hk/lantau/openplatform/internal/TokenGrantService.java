package hk.lantau.openplatform.internal;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.AccessToken;
import hk.lantau.openplatform.AccessTokens;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.SecretState;
import hk.lantau.openplatform.TokenRefusedException;
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
    private final Clock clock;

    TokenGrantService(AppRepository apps, SecretRepository secrets, TokenRepository tokens, Organisations organisations,
                      SecretSealing sealing, GrantRefusals refusals, TransactionOperations tx, Clock clock) {
        this.apps = apps;
        this.secrets = secrets;
        this.tokens = tokens;
        this.organisations = organisations;
        this.sealing = sealing;
        this.refusals = refusals;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public AccessToken grant(String appKey, String secret, List<String> requestedScopes, String ip) {
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
        String token = PREFIX + Tokens.random(32);
        Instant expiresAt = earliest(now.plusSeconds(LIFETIME_SECONDS), row.expiresAt(), row.graceUntil());
        tx.executeWithoutResult(status -> tokens.insert(Tokens.sha256Hex(token), app.tenantId(), app.id(), row.id(),
                now, expiresAt, ip == null || ip.length() > 64 ? null : ip));
        return new AccessToken(token, expiresAt, Duration.between(now, expiresAt).toSeconds(), app.scopes());
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
