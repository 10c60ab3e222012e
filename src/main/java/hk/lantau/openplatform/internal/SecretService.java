package hk.lantau.openplatform.internal;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.AppSecret;
import hk.lantau.openplatform.AppSecretIssued;
import hk.lantau.openplatform.AppSecretRevoked;
import hk.lantau.openplatform.AppSecrets;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.IssuedSecret;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * App secrets: long random values, shown once, stored as a keyed hash made with a key the server
 * holds outside the database. Rotating gives the replaced secrets a grace period instead of cutting
 * off the app's running deployments.
 */
@Service
class SecretService implements AppSecrets {

    /** What the keyed hash of an app secret is made for; never reused for anything else. */
    static final String HASH_PURPOSE = "openplatform.app-secret";

    private final AppRepository apps;
    private final SecretRepository secrets;
    private final CredentialCache cache;
    private final SecretSealing sealing;
    private final CredentialProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecretService(AppRepository apps, SecretRepository secrets, CredentialCache cache, SecretSealing sealing,
                  CredentialProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.apps = apps;
        this.secrets = secrets;
        this.cache = cache;
        this.sealing = sealing;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AppSecret> list(long tenantId, long appId) {
        CurrentActor.require(Permission.APPS_MANAGE);
        apps.find(tenantId, appId).orElseThrow(AppService::notFound);
        Instant now = now();
        return secrets.list(tenantId, appId).stream().map(s -> s.view(now, properties.secretWarning())).toList();
    }

    @Override
    @Transactional
    public IssuedSecret issue(long tenantId, long appId, Integer graceDays) {
        CurrentActor.require(Permission.APPS_MANAGE);
        int days = graceDays == null ? DEFAULT_GRACE_DAYS : graceDays;
        if (days < 0 || days > MAX_GRACE_DAYS) {
            throw LantauException.invalidField("graceDays", "openplatform.grace_invalid",
                    "The old secrets' grace period is 0 to " + MAX_GRACE_DAYS + " days.");
        }
        AppView app = apps.findForUpdate(tenantId, appId).orElseThrow(AppService::notFound);
        Instant now = now();
        Instant graceUntil = now.plus(Duration.ofDays(days));
        int replaced = secrets.startGrace(tenantId, appId, now, graceUntil);
        secrets.capGrace(tenantId, appId, graceUntil);
        IssuedSecret issued = insert(app, now);
        cache.forget(appId, app.appKey());
        events.publishEvent(new AppSecretIssued(tenantId, app.appKey(), issued.secret().id(), issued.secret().hint(),
                issued.secret().expiresAt().toString(), days, replaced));
        return issued;
    }

    /** The secret an app gets when it is registered; audited as part of the registration. */
    IssuedSecret issueFirst(AppView app, Instant now) {
        return insert(app, now);
    }

    @Override
    @Transactional
    public AppSecret revoke(long tenantId, long appId, long secretId) {
        CurrentActor.require(Permission.APPS_MANAGE);
        AppView app = apps.findForUpdate(tenantId, appId).orElseThrow(AppService::notFound);
        SecretRow secret = secrets.find(tenantId, appId, secretId).orElseThrow(() -> LantauException.notFound(
                "openplatform.secret_not_found", "This app has no such secret."));
        Instant now = now();
        if (secret.revokedAt() == null) {
            secrets.revoke(tenantId, secretId, now);
            cache.forget(appId, app.appKey());
            events.publishEvent(new AppSecretRevoked(tenantId, app.appKey(), secretId, secret.hint()));
        }
        return secrets.find(tenantId, appId, secretId).orElseThrow().view(now, properties.secretWarning());
    }

    private IssuedSecret insert(AppView app, Instant now) {
        String value = Tokens.random(32);
        String hint = value.substring(value.length() - 4);
        Instant expiresAt = now.plus(properties.secretLifetime());
        String by = CurrentActor.find().map(a -> a.reference()).orElse("system");
        long id = secrets.insert(app.tenantId(), app.id(), sealing.keyedHash(HASH_PURPOSE, value), hint, now,
                expiresAt, by.length() > 200 ? by.substring(0, 200) : by);
        SecretRow row = secrets.find(app.tenantId(), app.id(), id).orElseThrow();
        return new IssuedSecret(row.view(now, properties.secretWarning()), value);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
