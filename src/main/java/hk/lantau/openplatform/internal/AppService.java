package hk.lantau.openplatform.internal;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.openplatform.AppAdministration;
import hk.lantau.openplatform.AppChange;
import hk.lantau.openplatform.AppChanged;
import hk.lantau.openplatform.AppRegistered;
import hk.lantau.openplatform.AppStatus;
import hk.lantau.openplatform.AppStatusChanged;
import hk.lantau.openplatform.AppUpdated;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.IssuedSecret;
import hk.lantau.openplatform.NewApp;
import hk.lantau.openplatform.RegisteredApp;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Scope;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AppService implements AppAdministration {

    private final AppRepository apps;
    private final SecretService secrets;
    private final CredentialCache cache;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppService(AppRepository apps, SecretService secrets, CredentialCache cache, Directory directory,
               ApplicationEventPublisher events, Clock clock) {
        this.apps = apps;
        this.secrets = secrets;
        this.cache = cache;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RegisteredApp register(long tenantId, NewApp request) {
        Actor actor = CurrentActor.require(Permission.APPS_MANAGE);
        AppInput input = new AppInput();
        String name = input.name(request.name());
        String description = input.description(request.description());
        String purpose = input.purpose(request.purpose());
        Set<Scope> scopes = input.scopes(request.scopes());
        List<String> allowList = input.allowList(request.ipAllowList());
        int rateLimit = input.rateLimit(request.rateLimitPerMinute());
        String owner = owner(tenantId, request.ownerUserId() == null ? actor.userId() : request.ownerUserId(), input);
        input.done();
        refuseTakenName(tenantId, name, null);
        Instant now = now();
        AppView draft = new AppView(0, tenantId, "ding" + Tokens.randomHex(8), name, description, purpose, owner,
                scopes, allowList, rateLimit, AppStatus.ACTIVE, now, now);
        long id = apps.insert(draft);
        AppView app = apps.find(tenantId, id).orElseThrow();
        IssuedSecret secret = secrets.issueFirst(app, now);
        events.publishEvent(new AppRegistered(tenantId, app.appKey(), name, owner, Scopes.keys(scopes), allowList, rateLimit,
                secret.secret().hint()));
        events.publishEvent(new AppChanged(tenantId, app, AppChanged.Kind.REGISTERED));
        return new RegisteredApp(app, secret);
    }

    @Override
    @Transactional(readOnly = true)
    public AppView get(long tenantId, long appId) {
        CurrentActor.require(Permission.APPS_MANAGE);
        return apps.find(tenantId, appId).orElseThrow(AppService::notFound);
    }

    @Override
    @Transactional
    public AppView change(long tenantId, long appId, AppChange change) {
        CurrentActor.require(Permission.APPS_MANAGE);
        AppView current = locked(tenantId, appId);
        AppInput input = new AppInput();
        String name = change.name() == null ? current.name() : input.name(change.name());
        String description = change.description() == null ? current.description()
                : input.description(change.description());
        String purpose = change.purpose() == null ? current.purpose() : input.purpose(change.purpose());
        Set<Scope> scopes = change.scopes() == null ? current.scopes() : input.scopes(change.scopes());
        List<String> allowList = change.ipAllowList() == null ? current.ipAllowList()
                : input.allowList(change.ipAllowList());
        int rateLimit = change.rateLimitPerMinute() == null ? current.rateLimitPerMinute()
                : input.rateLimit(change.rateLimitPerMinute());
        String owner = change.ownerUserId() == null || change.ownerUserId().strip().equals(current.ownerUserId())
                ? current.ownerUserId() : owner(tenantId, change.ownerUserId(), input);
        input.done();
        if (!name.equals(current.name())) {
            refuseTakenName(tenantId, name, appId);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "name", current.name(), name);
        diff(changes, "description", current.description(), description);
        diff(changes, "purpose", current.purpose(), purpose);
        diff(changes, "scopes", Scopes.keys(current.scopes()), Scopes.keys(scopes));
        diff(changes, "ownerUserId", current.ownerUserId(), owner);
        diff(changes, "ipAllowList", current.ipAllowList(), allowList);
        diff(changes, "rateLimitPerMinute", current.rateLimitPerMinute(), rateLimit);
        if (changes.isEmpty()) {
            return current;
        }
        AppView updated = new AppView(appId, tenantId, current.appKey(), name, description, purpose, owner, scopes,
                allowList, rateLimit, current.status(), current.createdAt(), now());
        apps.update(updated);
        cache.forget(appId, current.appKey());
        events.publishEvent(new AppUpdated(tenantId, current.appKey(), changes));
        events.publishEvent(new AppChanged(tenantId, updated, AppChanged.Kind.UPDATED));
        return updated;
    }

    @Override
    @Transactional
    public AppView disable(long tenantId, long appId) {
        return setStatus(tenantId, appId, AppStatus.DISABLED);
    }

    @Override
    @Transactional
    public AppView enable(long tenantId, long appId) {
        return setStatus(tenantId, appId, AppStatus.ACTIVE);
    }

    private AppView setStatus(long tenantId, long appId, AppStatus status) {
        CurrentActor.require(Permission.APPS_MANAGE);
        AppView current = locked(tenantId, appId);
        if (current.status() == status) {
            return current;
        }
        AppView updated = new AppView(appId, tenantId, current.appKey(), current.name(), current.description(),
                current.purpose(), current.ownerUserId(), current.scopes(), current.ipAllowList(),
                current.rateLimitPerMinute(), status, current.createdAt(), now());
        apps.update(updated);
        cache.forget(appId, current.appKey());
        events.publishEvent(new AppStatusChanged(tenantId, current.appKey(), current.status(), status));
        events.publishEvent(new AppChanged(tenantId, updated,
                status == AppStatus.DISABLED ? AppChanged.Kind.DISABLED : AppChanged.Kind.ENABLED));
        return updated;
    }

    private AppView locked(long tenantId, long appId) {
        return apps.findForUpdate(tenantId, appId).orElseThrow(AppService::notFound);
    }

    /** The owner must be an active person of this organisation. */
    private String owner(long tenantId, String userId, AppInput input) {
        String owner = userId == null ? "" : userId.strip();
        boolean active = !owner.isEmpty() && owner.length() <= 64
                && directory.findUser(tenantId, owner).filter(DirectoryUser::active).isPresent();
        if (!active) {
            input.violation("ownerUserId", "openplatform.owner_invalid",
                    "The owner must be an active person of this organisation, given by userId.");
        }
        return owner;
    }

    private void refuseTakenName(long tenantId, String name, Long exceptId) {
        if (apps.nameTaken(tenantId, name, exceptId)) {
            throw LantauException.conflictField("name", "openplatform.name_taken",
                    "Another app of this organisation has this name.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void diff(Map<String, Object> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", from);
            entry.put("to", to);
            changes.put(field, entry);
        }
    }

    static LantauException notFound() {
        return LantauException.notFound("openplatform.app_not_found", "No such app in this organisation.");
    }
}
