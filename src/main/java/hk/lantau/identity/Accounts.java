package hk.lantau.identity;

import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.identity.internal.LoginLinkRepository;
import hk.lantau.identity.internal.PasswordHasher;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in accounts: creating them, one-time links, and setting passwords. */
@Service
public class Accounts {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;

    private final AccountRepository accounts;
    private final LoginLinkRepository links;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    Accounts(AccountRepository accounts, LoginLinkRepository links, Sessions sessions, PasswordHasher hasher,
             IdentityProperties properties, ApplicationEventPublisher events, Clock clock,
             @Value("${lantau.base-url}") String baseUrl) {
        this.accounts = accounts;
        this.links = links;
        this.sessions = sessions;
        this.hasher = hasher;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Creates a person's account; their e-mail is their login, unique across the installation. */
    @Transactional
    public long createUserAccount(long tenantId, String userId, String email) {
        String login = normalise(email);
        if (login.isEmpty()) {
            throw LantauException.invalidField("email", "identity.login_required",
                    "A person needs an e-mail address to sign in.");
        }
        if (accounts.findByLogin(login).isPresent()) {
            throw LantauException.conflictField("email", "identity.login_taken",
                    "This e-mail address already signs in to Lantau.");
        }
        long id = accounts.insert(AccountKind.USER, tenantId, userId, login, clock.instant());
        events.publishEvent(new AccountCreated(tenantId, userId, login));
        return id;
    }

    @Transactional
    public long createOperator(String login) {
        return accounts.insert(AccountKind.OPERATOR, null, null, normalise(login), clock.instant());
    }

    public boolean operatorExists() {
        return accounts.operatorExists();
    }

    /** The first operator's account while it still has no password (first start not completed). */
    public Optional<Long> operatorAwaitingSetup() {
        return accounts.firstOperator().filter(a -> !a.hasPassword()).map(AccountRecord::id);
    }

    public Optional<Long> accountOf(long tenantId, String userId) {
        return accounts.findByUser(tenantId, userId).map(AccountRecord::id);
    }

    /** Issues a one-time link; earlier unused links of the account stop working. */
    @Transactional
    public LoginLink issueLink(long accountId, LoginLink.Purpose purpose) {
        AccountRecord account = accounts.find(accountId).orElseThrow(
                () -> LantauException.notFound("identity.account_not_found", "No such account."));
        Instant now = clock.instant();
        Instant expires = now.plus(purpose == LoginLink.Purpose.SETUP
                ? properties.setupLinkTtl() : properties.resetLinkTtl());
        String token = Tokens.random(32);
        links.expireUnused(accountId, now);
        String createdBy = CurrentActor.find().map(a -> a.reference()).orElse("system");
        links.insert(Tokens.sha256Hex(token), accountId, purpose.name(), now, expires, createdBy);
        events.publishEvent(new LoginLinkIssued(account.tenantId(), account.login(), purpose.name(),
                expires.toString()));
        String path = purpose == LoginLink.Purpose.SETUP ? "/setup/" : "/reset/";
        return new LoginLink(baseUrl + path + token, token, expires);
    }

    /** Whether a link is still usable, without using it (for showing the form). */
    public Optional<LoginLink.Purpose> checkLink(String token) {
        return links.peek(Tokens.sha256Hex(token), clock.instant())
                .map(use -> LoginLink.Purpose.valueOf(use.purpose()));
    }

    /** Sets a password through a one-time link. A reset also ends every session of the account. */
    @Transactional
    public void setPasswordWithLink(String token, String password) {
        validatePassword(password);
        Instant now = clock.instant();
        var use = links.use(Tokens.sha256Hex(token == null ? "" : token), now).orElseThrow(
                () -> LantauException.notFound("identity.link_invalid",
                        "This link is not valid any more. Ask your administrator for a new one."));
        AccountRecord account = accounts.find(use.accountId()).orElseThrow();
        accounts.setPassword(account.id(), hasher.hash(password), now);
        if (LoginLink.Purpose.RESET.name().equals(use.purpose())) {
            sessions.endAll(account.id(), "password_reset");
        }
        events.publishEvent(new PasswordSet(account.tenantId(), account.login(), use.purpose()));
    }

    /** Sets a password directly (operator provisioning and the demo). */
    @Transactional
    public void setPassword(long accountId, String password) {
        validatePassword(password);
        accounts.setPassword(accountId, hasher.hash(password), clock.instant());
    }

    /**
     * Sets one password on several accounts, hashing it once: for the demo, whose people all sign
     * in with one published password. A slow hash per account cost most of the demo's start
     * (docs/performance.md). The accounts get the same salt and hash, which shows that they share
     * the password, so use it only where that is no secret.
     */
    @Transactional
    public void setSharedPassword(Collection<Long> accountIds, String password) {
        validatePassword(password);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        accountIds.forEach(id -> accounts.setPassword(id, hash, now));
    }

    public void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw LantauException.invalidField("password", "identity.password_weak",
                    "Use a password of " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
        if (password.chars().distinct().count() < 5) {
            throw LantauException.invalidField("password", "identity.password_weak",
                    "This password is too easy to guess; use more different characters.");
        }
    }

    static String normalise(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
