package hk.lantau.identity;

import hk.lantau.directory.Directory;
import hk.lantau.identity.internal.AccountRecord;
import hk.lantau.identity.internal.AccountRepository;
import hk.lantau.identity.internal.SessionRecord;
import hk.lantau.identity.internal.SessionRepository;
import hk.lantau.identity.internal.SessionTouches;
import hk.lantau.shared.Actor;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listing and ending sessions: a person's own, and an administrator's view of the people of their
 * organisation. Another organisation's people and sessions do not exist here (404).
 */
@Service
public class AccountSessions {

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final SessionTouches touches;
    private final Sessions live;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSessions(AccountRepository accounts, SessionRepository sessions, SessionTouches touches, Sessions live, Directory directory,
                    ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.touches = touches;
        this.live = live;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's active sessions, the one making the call marked {@code current}. */
    public List<SessionView> mine(Actor caller) {
        return views(requireAccount(caller), caller.sessionId());
    }

    @Transactional
    public void endMine(Actor caller, String sessionId) {
        long accountId = requireAccount(caller);
        SessionRecord session = active(accountId, sessionId);
        live.end(session.id(), "revoked_by_self");
        events.publishEvent(new SessionsRevoked(caller.tenantId(), caller.userId() == null
                ? caller.reference() : caller.userId(), List.of(session.id()), "revoked_by_self"));
    }

    /** A person's active sessions; empty when they have no sign-in account yet. */
    public List<SessionView> ofUser(long tenantId, String userId, Actor caller) {
        return accountOfUser(tenantId, userId).map(a -> views(a.id(), caller.sessionId())).orElse(List.of());
    }

    @Transactional
    public void endOfUser(long tenantId, String userId, String sessionId) {
        AccountRecord account = accountOfUser(tenantId, userId).orElseThrow(AccountSessions::sessionNotFound);
        SessionRecord session = active(account.id(), sessionId);
        live.end(session.id(), "revoked_by_admin");
        events.publishEvent(new SessionsRevoked(tenantId, userId, List.of(session.id()), "revoked_by_admin"));
    }

    /** Ends every session of a person; returns how many were active. */
    @Transactional
    public int endAllOfUser(long tenantId, String userId) {
        Optional<AccountRecord> account = accountOfUser(tenantId, userId);
        if (account.isEmpty()) {
            return 0;
        }
        List<String> ended = live.endAll(account.get().id(), "revoked_by_admin");
        if (!ended.isEmpty()) {
            events.publishEvent(new SessionsRevoked(tenantId, userId, ended, "revoked_by_admin"));
        }
        return ended.size();
    }

    private List<SessionView> views(long accountId, String currentSessionId) {
        return sessions.activeForAccount(accountId, clock.instant()).stream()
                .map(s -> new SessionView(s.id(), s.device(), s.ip(), s.userAgent(), s.createdAt(),
                        touches.lastSeen(s.id(), s.lastSeenAt()), s.expiresAt(), s.mfaVerified(),
                        s.id().equals(currentSessionId)))
                .sorted(Comparator.comparing(SessionView::lastSeenAt).reversed())
                .toList();
    }

    /** The person must be in the caller's organisation; anyone else is "not found". */
    private Optional<AccountRecord> accountOfUser(long tenantId, String userId) {
        if (directory.findUser(tenantId, userId).isEmpty()) {
            throw LantauException.notFound("identity.user_not_found", "No such person in this organisation.");
        }
        return accounts.findByUser(tenantId, userId);
    }

    private SessionRecord active(long accountId, String sessionId) {
        return sessions.find(sessionId)
                .filter(s -> s.accountId() == accountId && s.usableAt(clock.instant()))
                .orElseThrow(AccountSessions::sessionNotFound);
    }

    private static long requireAccount(Actor caller) {
        if (caller.accountId() == null || caller.sessionId() == null) {
            throw LantauException.forbidden("identity.session_required", "This needs a signed-in person's session.");
        }
        return caller.accountId();
    }

    private static LantauException sessionNotFound() {
        return LantauException.notFound("identity.session_not_found", "No such active session.");
    }
}
