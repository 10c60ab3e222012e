package hk.lantau.compliance;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.NewOrganisation;
import hk.lantau.tenant.Organisations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Organisations and actors for service-level tests. */
final class TestTenants {

    private TestTenants() {
    }

    static long create(Organisations organisations) {
        return organisations.create(new NewOrganisation("Org " + Tokens.randomHex(6), null, null, null)).id();
    }

    static Actor user(long tenantId, String userId, Permission... permissions) {
        return new Actor(ActorKind.USER, tenantId, userId, 1L, "User " + userId, Set.of(permissions), "session",
                "198.51.100.7");
    }

    static List<AuditEntry> entries(AuditRecords records, long tenantId) {
        List<AuditEntry> all = new ArrayList<>();
        records.export(tenantId, AuditQuery.all(), all::add);
        return all;
    }
}
