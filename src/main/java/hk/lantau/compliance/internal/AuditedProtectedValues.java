package hk.lantau.compliance.internal;

import hk.lantau.compliance.AuditTrail;
import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.compliance.ProtectedValues;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reveals a protected value only to a permitted caller, and writes the reveal to the audit trail first. */
@Service
class AuditedProtectedValues implements ProtectedValues {

    private final FieldProtection fields;
    private final AuditTrail trail;

    AuditedProtectedValues(FieldProtection fields, AuditTrail trail) {
        this.fields = fields;
        this.trail = trail;
    }

    @Override
    @Transactional
    public String reveal(long tenantId, String targetType, String targetId, ProtectedField field,
                         String cipherText) {
        Actor actor = CurrentActor.get();
        if (actor.tenantId() != null && actor.tenantId() != tenantId) {
            // Callers scope their reads by tenant; this is the last line against a cross-tenant reveal.
            throw LantauException.notFound("compliance.target_not_found", "No such record.");
        }
        if (!actor.can(field.revealPermission())) {
            throw LantauException.forbidden("compliance.reveal_forbidden",
                    "Your role does not allow revealing " + field.key() + ".");
        }
        if (cipherText == null) {
            return null;
        }
        trail.record(new FieldRevealed(tenantId, targetType, targetId, field.key()));
        return fields.decrypt(tenantId, field, cipherText);
    }

    @Override
    public boolean mayReveal(ProtectedField field) {
        return CurrentActor.find().map(actor -> actor.can(field.revealPermission())).orElse(false);
    }
}
