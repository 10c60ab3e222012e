package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class ProtectedValuesTest extends ComplianceSpringTest {

    @Autowired
    ProtectedValues values;
    @Autowired
    FieldProtection fields;
    @Autowired
    AuditRecords records;
    @Autowired
    Organisations organisations;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void revealsToAPermittedCallerAndAuditsTheFieldNotTheValue() {
        long tenant = TestTenants.create(organisations);
        String sealed = fields.encrypt(tenant, ProtectedField.HKID, "A123456(3)");
        Actor hr = TestTenants.user(tenant, "hr1", Permission.REVEAL_HKID);

        String clear = ActorScope.callAs(hr, () -> values.reveal(tenant, "user", "u1", ProtectedField.HKID, sealed));

        assertThat(clear).isEqualTo("A123456(3)");
        AuditEntry last = last(tenant);
        assertThat(last.action()).isEqualTo("compliance.field.revealed");
        assertThat(last.actorReference()).isEqualTo("user:hr1");
        assertThat(last.targetType()).isEqualTo("user");
        assertThat(last.targetId()).isEqualTo("u1");
        assertThat(last.changes()).isEqualTo("{\"field\":\"hkid\"}");
    }

    @Test
    void refusesACallerWithoutTheFieldsPermission() {
        long tenant = TestTenants.create(organisations);
        String sealed = fields.encrypt(tenant, ProtectedField.MEDICAL_NOTES, "asthma");
        Actor hr = TestTenants.user(tenant, "hr2", Permission.REVEAL_HKID, Permission.REVEAL_MOBILE);
        int before = TestTenants.entries(records, tenant).size();

        assertThatThrownBy(() -> ActorScope.callAs(hr,
                () -> values.reveal(tenant, "user", "u1", ProtectedField.MEDICAL_NOTES, sealed)))
                .isInstanceOf(LantauException.class)
                .hasFieldOrPropertyWithValue("code", "compliance.reveal_forbidden")
                .satisfies(e -> assertThat(((LantauException) e).status().value()).isEqualTo(403));

        assertThat(TestTenants.entries(records, tenant)).hasSize(before);
        assertThat(ActorScope.callAs(hr, () -> values.mayReveal(ProtectedField.MEDICAL_NOTES))).isFalse();
        assertThat(ActorScope.callAs(hr, () -> values.mayReveal(ProtectedField.HKID))).isTrue();
    }

    @Test
    void refusesAnotherOrganisationsCallerAsNotFound() {
        long owner = TestTenants.create(organisations);
        long other = TestTenants.create(organisations);
        String sealed = fields.encrypt(owner, ProtectedField.MOBILE, "+85291234567");
        Actor outsider = TestTenants.user(other, "spy", Permission.REVEAL_MOBILE);

        assertThatThrownBy(() -> ActorScope.callAs(outsider,
                () -> values.reveal(owner, "user", "u1", ProtectedField.MOBILE, sealed)))
                .hasFieldOrPropertyWithValue("code", "compliance.target_not_found");
        assertThat(TestTenants.entries(records, owner)).extracting(AuditEntry::action)
                .doesNotContain("compliance.field.revealed");
    }

    @Test
    void refusesAnAnonymousCaller() {
        assertThatThrownBy(() -> values.reveal(1, "user", "u1", ProtectedField.MOBILE, "v1:x"))
                .hasFieldOrPropertyWithValue("code", "auth.required");
        assertThat(values.mayReveal(ProtectedField.MOBILE)).isFalse();
    }

    @Test
    void leavesNoAuditRecordWhenTheValueDoesNotDecrypt() {
        long tenant = TestTenants.create(organisations);
        String sealedElsewhere = fields.encrypt(tenant + 1000, ProtectedField.HKID, "A123456(3)");
        Actor hr = TestTenants.user(tenant, "hr3", Permission.REVEAL_HKID);
        int before = TestTenants.entries(records, tenant).size();

        assertThatThrownBy(() -> ActorScope.callAs(hr,
                () -> values.reveal(tenant, "user", "u1", ProtectedField.HKID, sealedElsewhere)))
                .hasFieldOrPropertyWithValue("code", "compliance.decrypt_failed");

        assertThat(TestTenants.entries(records, tenant)).hasSize(before);
    }

    @Test
    void auditsTheRevealInTheCallersTransaction() {
        long tenant = TestTenants.create(organisations);
        String sealed = fields.encrypt(tenant, ProtectedField.BANK_ACCOUNT, "004-123-456789-001");
        Actor hr = TestTenants.user(tenant, "hr4", Permission.REVEAL_BANK_ACCOUNT);
        int before = TestTenants.entries(records, tenant).size();

        assertThatThrownBy(() -> ActorScope.runAs(hr, () -> transactions.executeWithoutResult(status -> {
            values.reveal(tenant, "user", "u1", ProtectedField.BANK_ACCOUNT, sealed);
            throw new IllegalStateException("the page failed to render");
        }))).hasMessage("the page failed to render");

        assertThat(TestTenants.entries(records, tenant)).hasSize(before);
    }

    private AuditEntry last(long tenant) {
        List<AuditEntry> all = TestTenants.entries(records, tenant);
        return all.get(all.size() - 1);
    }
}
