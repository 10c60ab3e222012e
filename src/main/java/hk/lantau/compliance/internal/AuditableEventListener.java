package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditTrail;
import hk.lantau.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every {@link AuditableEvent} synchronously, in the publisher's transaction. Deliberately
 * not an after-commit listener: an audit record that could be lost after its change committed, or
 * survive a change that rolled back, would not be an audit trail.
 */
@Component
class AuditableEventListener {

    private final AuditTrail trail;

    AuditableEventListener(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuditableEvent event) {
        trail.record(event);
    }
}
