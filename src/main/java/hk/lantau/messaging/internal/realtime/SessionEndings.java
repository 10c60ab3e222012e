package hk.lantau.messaging.internal.realtime;

import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.identity.MfaReset;
import hk.lantau.identity.SessionsRevoked;
import hk.lantau.identity.SignedOut;
import hk.lantau.messaging.internal.stream.Fanout;
import hk.lantau.messaging.internal.stream.StreamsEnded;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Closes the streams of sessions that ended, on every node: a sign-out, a revoked session, a reset
 * authenticator, a person suspended or gone. Only once the change is committed.
 */
@Component
class SessionEndings {

    private final Fanout fanout;

    SessionEndings(Fanout fanout) {
        this.fanout = fanout;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRevoked(SessionsRevoked event) {
        if (event.tenantId() != null && !event.sessionIds().isEmpty()) {
            fanout.publish(new StreamsEnded(event.tenantId(), event.userId(), event.sessionIds()));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onSignedOut(SignedOut event) {
        if (event.tenantId() != null && event.userId() != null) {
            fanout.publish(new StreamsEnded(event.tenantId(), event.userId(), List.of(event.sessionId())));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMfaReset(MfaReset event) {
        if (event.tenantId() != null && event.sessionsEnded() > 0) {
            fanout.publish(new StreamsEnded(event.tenantId(), event.userId(), List.of()));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onStatusChanged(UserStatusChanged event) {
        if (event.tenantId() != null && event.to() != UserStatus.ACTIVE) {
            fanout.publish(new StreamsEnded(event.tenantId(), event.userId(), List.of()));
        }
    }
}
