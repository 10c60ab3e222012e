package hk.lantau.compat.internal;

import hk.lantau.compat.AppTokens;
import hk.lantau.compat.SignIn;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.Organisations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class SignInService implements SignIn {

    private static final int MAX_URI = 2_000;

    private final SignInRepository rows;
    private final Apps apps;
    private final AppTokens appTokens;
    private final Directory directory;
    private final Organisations organisations;
    private final ApplicationEventPublisher audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignInService(SignInRepository rows, Apps apps, AppTokens appTokens, Directory directory,
                  Organisations organisations, ApplicationEventPublisher audit, TransactionTemplate transactions,
                  Clock clock) {
        this.rows = rows;
        this.apps = apps;
        this.appTokens = appTokens;
        this.directory = directory;
        this.organisations = organisations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> redirects(long tenantId, long appId) {
        CurrentActor.require(Permission.APPS_MANAGE);
        app(tenantId, appId);
        return rows.redirects(tenantId, appId);
    }

    @Override
    @Transactional
    public List<String> replaceRedirects(long tenantId, long appId, List<String> uris) {
        CurrentActor.require(Permission.APPS_MANAGE);
        app(tenantId, appId);
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        for (String uri : uris == null ? List.<String>of() : uris) {
            wanted.add(checked(uri));
        }
        if (wanted.size() > MAX_REDIRECTS) {
            throw LantauException.invalidField("redirectUris", "compat.sign_in_redirects_invalid",
                    "An app has at most " + MAX_REDIRECTS + " redirect addresses.");
        }
        rows.replaceRedirects(tenantId, appId, List.copyOf(wanted), clock.instant());
        audit.publishEvent(new CompatAudit(tenantId, "compat.sign_in.redirects_changed", "app", Long.toString(appId),
                Map.of("redirectUris", List.copyOf(wanted))));
        return rows.redirects(tenantId, appId);
    }

    @Override
    @Transactional
    public String issue(long tenantId, String appKey, String redirectUri) {
        Actor person = CurrentActor.get();
        if (person.kind() != ActorKind.USER) {
            throw LantauException.forbidden("openplatform.people_only", "Only people sign in to apps.");
        }
        AppView app = apps.findByKey(tenantId, appKey == null ? "" : appKey).filter(AppView::active)
                .orElseThrow(() -> LantauException.invalid("compat.sign_in_client_unknown",
                        "No active app of this organisation has that client_id."));
        if (redirectUri == null || !rows.redirects(tenantId, app.id()).contains(redirectUri)) {
            throw LantauException.invalid("compat.sign_in_redirect_unregistered",
                    "The redirect_uri is not one of the app's registered addresses.");
        }
        Instant now = clock.instant();
        rows.forgetExpired(tenantId, now);
        String code = Tokens.random(24);
        rows.insert(Tokens.sha256Hex(code), "CODE", new SignInRepository.Holder(tenantId, app.id(), person.userId()),
                now.plusSeconds(CODE_SECONDS), now);
        audit.publishEvent(new CompatAudit(tenantId, "compat.sign_in.code_issued", "app", Long.toString(app.id()),
                Map.of("userId", person.userId())));
        return code;
    }

    @Override
    @Transactional
    public String redeem(long tenantId, long appId, String code) {
        SignInRepository.Holder holder = take(code, "CODE", h -> h.tenantId() == tenantId && h.appId() == appId);
        audit.publishEvent(new CompatAudit(tenantId, "compat.sign_in.code_redeemed", "app", Long.toString(appId),
                Map.of("userId", holder.userId())));
        return holder.userId();
    }

    /** The app's credentials are checked first, outside the exchange, so a refusal's audit record stays. */
    @Override
    public UserToken exchange(String appKey, String appSecret, String code, String ip) {
        appTokens.grant(appKey, appSecret, ip);
        return transactions.execute(status -> grant(take(code, "CODE", h -> ownedBy(h, appKey)),
                "compat.sign_in.token_granted"));
    }

    @Override
    public UserToken refresh(String appKey, String appSecret, String refreshToken, String ip) {
        appTokens.grant(appKey, appSecret, ip);
        return transactions.execute(status -> grant(take(refreshToken, "REFRESH", h -> ownedBy(h, appKey)),
                "compat.sign_in.token_refreshed"));
    }

    /** Uses up a valid code or refresh token of an active person that passes the check; nothing changes otherwise. */
    private SignInRepository.Holder take(String secret, String kind, Predicate<SignInRepository.Holder> check) {
        if (secret == null || secret.isBlank()) {
            throw codeInvalid();
        }
        String hash = Tokens.sha256Hex(secret.strip());
        SignInRepository.Holder holder = rows.find(hash, kind, clock.instant()).filter(check)
                .filter(h -> active(h.tenantId(), h.userId())).orElseThrow(SignInService::codeInvalid);
        if (!rows.delete(hash, kind)) {
            throw codeInvalid();
        }
        return holder;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TokenHolder> holder(String userToken) {
        if (userToken == null || userToken.isBlank()) {
            return Optional.empty();
        }
        return rows.find(Tokens.sha256Hex(userToken.strip()), "ACCESS", clock.instant())
                .filter(h -> active(h.tenantId(), h.userId()))
                .map(h -> new TokenHolder(h.tenantId(), h.appId(), h.userId()));
    }

    private UserToken grant(SignInRepository.Holder holder, String action) {
        Instant now = clock.instant();
        String access = Tokens.random(32);
        String refresh = Tokens.random(32);
        rows.insert(Tokens.sha256Hex(access), "ACCESS", holder, now.plusSeconds(TOKEN_SECONDS), now);
        rows.insert(Tokens.sha256Hex(refresh), "REFRESH", holder, now.plusSeconds(REFRESH_SECONDS), now);
        audit.publishEvent(new CompatAudit(holder.tenantId(), action, "app", Long.toString(holder.appId()),
                Map.of("userId", holder.userId())));
        String corpId = organisations.find(holder.tenantId()).map(o -> o.corpId()).orElse(null);
        return new UserToken(access, refresh, TOKEN_SECONDS, corpId);
    }

    private boolean ownedBy(SignInRepository.Holder holder, String appKey) {
        return apps.find(holder.tenantId(), holder.appId()).map(a -> a.appKey().equals(appKey)).orElse(false);
    }

    private boolean active(long tenantId, String userId) {
        return directory.findUser(tenantId, userId).filter(DirectoryUser::active).isPresent();
    }

    private AppView app(long tenantId, long appId) {
        return apps.find(tenantId, appId).orElseThrow(() -> LantauException.notFound("openplatform.app_not_found",
                "There is no such app."));
    }

    private static String checked(String uri) {
        String problem = null;
        if (uri == null || uri.isBlank() || uri.length() > MAX_URI) {
            problem = "Enter an address of at most " + MAX_URI + " characters.";
        } else {
            try {
                URI parsed = new URI(uri);
                if (!("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))
                        || parsed.getHost() == null || parsed.getFragment() != null) {
                    problem = "Use an absolute http or https address without a fragment.";
                }
            } catch (URISyntaxException e) {
                problem = "That is not an address.";
            }
        }
        if (problem != null) {
            throw LantauException.invalidField("redirectUris", "compat.sign_in_redirects_invalid", problem);
        }
        return uri;
    }

    static LantauException codeInvalid() {
        return LantauException.invalid("compat.sign_in_code_invalid",
                "The code is unknown, used, expired or was issued to another app.");
    }
}
