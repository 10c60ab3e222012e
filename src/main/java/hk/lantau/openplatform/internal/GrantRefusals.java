package hk.lantau.openplatform.internal;

import hk.lantau.compliance.AuditTrail;
import hk.lantau.openplatform.AppTokenRefused;
import hk.lantau.openplatform.AppView;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes refused token requests of known apps to the audit trail, in their own transaction: the
 * refusal itself throws, and its record must survive that.
 */
@Component
class GrantRefusals {

    private final AuditTrail audit;

    GrantRefusals(AuditTrail audit) {
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AppView app, String reason, String ip) {
        // Nobody is authenticated yet: the trail shows the token endpoint, the address and the app tried.
        Actor endpoint = new Actor(ActorKind.SYSTEM, app.tenantId(), null, null, "token-endpoint", Set.of(), null, ip);
        ActorScope.runAs(endpoint, () -> audit.record(new AppTokenRefused(app.tenantId(), app.appKey(), reason)));
    }
}
