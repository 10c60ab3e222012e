package hk.lantau.compat.internal.stream;

import hk.lantau.openplatform.AppChanged;
import hk.lantau.openplatform.AppSecretIssued;
import hk.lantau.openplatform.AppSecretRevoked;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends this node's connections of an app as soon as it is disabled or loses a secret (revoked, or
 * replaced with no grace period); other nodes notice at their next check ({@code check-interval},
 * plus the open platform's cache of at most 30 seconds).
 */
@Component
class StreamAppWatch {

    private final DingStreamHub hub;

    StreamAppWatch(DingStreamHub hub) {
        this.hub = hub;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AppChanged changed) {
        if (changed.kind() == AppChanged.Kind.DISABLED || changed.kind() == AppChanged.Kind.UPDATED) {
            recheck(changed.tenantId(), changed.app().id());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AppSecretRevoked revoked) {
        recheck(revoked.tenantId(), revoked.appKey());
    }

    /** A new secret issued with no grace period stops the old ones, and the tokens granted with them, at once. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AppSecretIssued issued) {
        if (issued.graceDays() == 0) {
            recheck(issued.tenantId(), issued.appKey());
        }
    }

    private void recheck(Long tenantId, String appKey) {
        if (tenantId == null) {
            return;
        }
        for (DingStreamConnection connection : hub.connections()) {
            if (connection.tenantId() == tenantId && connection.appKey().equals(appKey)) {
                recheck(connection);
            }
        }
    }

    private void recheck(long tenantId, long appId) {
        hub.connections(tenantId, appId).forEach(this::recheck);
    }

    private void recheck(DingStreamConnection connection) {
        if (!hub.permitted(connection)) {
            hub.disconnect(connection, "credential no longer valid");
        }
    }
}
