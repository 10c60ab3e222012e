package hk.lantau.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.compliance.ComplianceSpringTest;
import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ProtectedField;
import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.compliance.SecretSealing;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@Import(KeyRotationTest.Participants.class)
class KeyRotationTest extends ComplianceSpringTest {

    @Autowired
    KeyRotation rotation;
    @Autowired
    FieldKeys keys;
    @Autowired
    KeyDirectory keyDirectory;
    @Autowired
    FieldProtection fields;
    @Autowired
    TinkFieldProtection tinkFields;
    @Autowired
    SecretSealing sealing;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void storeValues() {
        jdbc.sql("create table if not exists cmp_test_person (id bigint primary key, tenant_id bigint not null, "
                + "mobile varchar(500), secret varchar(500))").update();
        jdbc.sql("delete from cmp_test_person").update();
        for (int i = 1; i <= 3; i++) {
            jdbc.sql("insert into cmp_test_person (id, tenant_id, mobile, secret) values (:id, :tenant, :mobile, :secret)")
                    .param("id", i).param("tenant", 10 + i)
                    .param("mobile", fields.encrypt(10 + i, ProtectedField.MOBILE, "+8529123456" + i))
                    .param("secret", sealing.seal("totp", "seed-" + i)).update();
        }
    }

    @Test
    void rewritesEveryStoredValueUnderTheNewPrimaryKeyAndKeepsOldValuesReadable() {
        List<Row> before = rows();
        int keysBefore = keys.keyCount();

        KeyRotation.Result result = ActorScope.callAs(Actor.system("test"), rotation::rotate);

        assertThat(result.keyCount()).isEqualTo(keysBefore + 1);
        assertThat(result.primaryKeyId()).isEqualTo(keys.primaryKeyId()).isNotEqualTo(result.previousKeyId());
        assertThat(result.rewritten()).containsEntry(TestPeople.class.getName(), 6);
        List<Row> after = rows();
        for (int i = 0; i < 3; i++) {
            Row old = before.get(i);
            Row now = after.get(i);
            assertThat(now.mobile()).isNotEqualTo(old.mobile());
            assertThat(now.secret()).isNotEqualTo(old.secret());
            assertThat(keys.isUnderPrimary(now.mobile())).isTrue();
            assertThat(keys.isUnderPrimary(old.mobile())).isFalse();
            assertThat(fields.decrypt(old.tenantId(), ProtectedField.MOBILE, now.mobile()))
                    .isEqualTo("+8529123456" + (i + 1));
            assertThat(fields.decrypt(old.tenantId(), ProtectedField.MOBILE, old.mobile()))
                    .isEqualTo("+8529123456" + (i + 1));
            assertThat(sealing.open("totp", now.secret())).isEqualTo("seed-" + (i + 1));
        }
        assertThat(keyDirectory.fieldKeyset().size()).isEqualTo(keysBefore + 1);
        assertThat(keyDirectory.fieldKeyset().getPrimary().getId()).isEqualTo(result.primaryKeyId());
        String audit = jdbc.sql("select changes from cmp_audit_record where chain = 0 and action = "
                + "'compliance.keys.rotated' order by seq desc fetch first 1 rows only").query(String.class).single();
        assertThat(audit).contains("\"" + TestPeople.class.getName() + "\":6");
    }

    @Test
    void skipsValuesAlreadyUnderThePrimaryKey() {
        ActorScope.callAs(Actor.system("test"), rotation::rotate);
        List<Row> rotated = rows();

        int rewritten = new TestPeople(jdbc, sealing).reencryptAll(tinkFields::reencrypt);

        assertThat(rewritten).isZero();
        assertThat(rows()).isEqualTo(rotated);
    }

    private List<Row> rows() {
        return jdbc.sql("select id, tenant_id, mobile, secret from cmp_test_person order by id")
                .query((rs, n) -> new Row(rs.getLong("tenant_id"), rs.getString("mobile"), rs.getString("secret")))
                .list();
    }

    record Row(long tenantId, String mobile, String secret) {
    }

    /** A module that stores one protected field and one sealed secret per row. */
    static class TestPeople implements ReencryptionParticipant {

        private final JdbcClient jdbc;
        private final SecretSealing sealing;

        TestPeople(JdbcClient jdbc, SecretSealing sealing) {
            this.jdbc = jdbc;
            this.sealing = sealing;
        }

        @Override
        public int reencryptAll(Reencryptor reencrypt) {
            int rewritten = 0;
            List<Map<String, Object>> all = jdbc.sql("select id, tenant_id, mobile, secret from cmp_test_person")
                    .query().listOfRows();
            for (Map<String, Object> row : all) {
                long tenant = ((Number) row.get("tenant_id")).longValue();
                String mobile = (String) row.get("mobile");
                String secret = (String) row.get("secret");
                String newMobile = reencrypt.apply(tenant, ProtectedField.MOBILE, mobile);
                String newSecret = sealing.reseal("totp", secret);
                rewritten += (newMobile.equals(mobile) ? 0 : 1) + (newSecret.equals(secret) ? 0 : 1);
                jdbc.sql("update cmp_test_person set mobile = :mobile, secret = :secret where id = :id")
                        .param("mobile", newMobile).param("secret", newSecret).param("id", row.get("id")).update();
            }
            return rewritten;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Participants {

        @Bean
        TestPeople testPeople(JdbcClient jdbc, SecretSealing sealing) {
            return new TestPeople(jdbc, sealing);
        }
    }
}
