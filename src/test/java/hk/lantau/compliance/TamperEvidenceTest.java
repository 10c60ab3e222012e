package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.tenant.Organisations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Someone with write access to the database edits the audit table; verification must notice. */
class TamperEvidenceTest extends ComplianceSpringTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditVerification verification;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsAnUntouchedChainIntact() {
        long tenant = tenantWithFiveRecords();

        assertThat(verification.verify(tenant)).isEqualTo(ChainVerification.intact(tenant, 5));
    }

    @Test
    void detectsAChangedRecord() {
        long tenant = tenantWithFiveRecords();

        sql(tenant, "update cmp_audit_record set changes = '{\"name\":\"innocent\"}' where chain = :chain and seq = 3");

        assertThat(verification.verify(tenant))
                .isEqualTo(ChainVerification.broken(tenant, 3, 3, ChainVerification.HASH_MISMATCH));
    }

    @Test
    void detectsAChangedTimeOrActorEvenWithAPlainHashRecomputed() {
        long tenant = tenantWithFiveRecords();

        sql(tenant, "update cmp_audit_record set actor_ref = 'user:someone_else', "
                + "hash = '" + "ab".repeat(32) + "' where chain = :chain and seq = 2");

        assertThat(verification.verify(tenant).reason()).isEqualTo(ChainVerification.HASH_MISMATCH);
        assertThat(verification.verify(tenant).firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void detectsADeletedMiddleRecord() {
        long tenant = tenantWithFiveRecords();

        sql(tenant, "delete from cmp_audit_record where chain = :chain and seq = 3");

        assertThat(verification.verify(tenant))
                .isEqualTo(ChainVerification.broken(tenant, 2, 3, ChainVerification.SEQUENCE_GAP));
    }

    @Test
    void detectsADeletedLastRecordAgainstTheHead() {
        long tenant = tenantWithFiveRecords();

        sql(tenant, "delete from cmp_audit_record where chain = :chain and seq = 5");

        assertThat(verification.verify(tenant))
                .isEqualTo(ChainVerification.broken(tenant, 4, 5, ChainVerification.SEQUENCE_GAP));
    }

    @Test
    void detectsADeletionHiddenByRenumbering() {
        long tenant = tenantWithFiveRecords();

        sql(tenant, "delete from cmp_audit_record where chain = :chain and seq = 3");
        sql(tenant, "update cmp_audit_record set seq = seq - 1 where chain = :chain and seq > 3");
        sql(tenant, "update cmp_audit_head set last_seq = 4 where chain = :chain");

        assertThat(verification.verify(tenant))
                .isEqualTo(ChainVerification.broken(tenant, 2, 3, ChainVerification.PREV_HASH_MISMATCH));
    }

    @Test
    void detectsAHeadThatDisagreesWithTheLastRecord() {
        long tenant = tenantWithFiveRecords();

        sql(tenant, "update cmp_audit_head set last_hash = '" + "0".repeat(64) + "' where chain = :chain");

        assertThat(verification.verify(tenant))
                .isEqualTo(ChainVerification.broken(tenant, 5, 5, ChainVerification.HEAD_MISMATCH));
    }

    @Test
    void verifiesEachOrganisationsChainOnItsOwn() {
        long tampered = tenantWithFiveRecords();
        long untouched = tenantWithFiveRecords();

        sql(tampered, "update cmp_audit_record set action = 'test.nothing' where chain = :chain and seq = 4");

        assertThat(verification.verify(untouched).intact()).isTrue();
        assertThat(verification.verify(tampered).intact()).isFalse();
        assertThat(verification.verifyAll())
                .contains(ChainVerification.intact(untouched, 5))
                .contains(ChainVerification.broken(tampered, 4, 4, ChainVerification.HASH_MISMATCH))
                .anySatisfy(result -> assertThat(result.chain()).isEqualTo(AuditVerification.INSTALLATION_CHAIN));
    }

    @Test
    void keepsAppendingAfterVerification() {
        long tenant = tenantWithFiveRecords();
        verification.verify(tenant);

        trail.record(TestEvent.of(tenant, "test.thing.changed", "later"));

        assertThat(verification.verify(tenant)).isEqualTo(ChainVerification.intact(tenant, 6));
    }

    private long tenantWithFiveRecords() {
        long tenant = TestTenants.create(organisations);
        for (int i = 2; i <= 5; i++) {
            trail.record(TestEvent.of(tenant, "test.thing.changed", "t-" + i));
        }
        return tenant;
    }

    private void sql(long tenant, String statement) {
        jdbc.sql(statement).param("chain", tenant).update();
    }
}
