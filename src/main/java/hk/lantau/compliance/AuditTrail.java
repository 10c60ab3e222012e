package hk.lantau.compliance;

import hk.lantau.shared.AuditableEvent;

/**
 * Appends to the hash-chained audit trail. Modules normally publish an {@link AuditableEvent} and
 * the trail records it in the same transaction; this interface is for callers that record an
 * action without a domain event (for example a refused sign-in).
 */
public interface AuditTrail {

    void record(AuditableEvent event);
}
