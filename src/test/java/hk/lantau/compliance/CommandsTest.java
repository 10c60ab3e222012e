package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import hk.lantau.LantauApplication;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The maintenance commands, started the way {@code java -jar lantau.jar <command>} starts them. */
@ExtendWith(OutputCaptureExtension.class)
class CommandsTest {

    private Map<String, String> properties;
    private String[] args;

    @BeforeEach
    void newInstallation() {
        properties = TestDatabase.fresh();
        args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    @Test
    void verifyAuditExitsZeroForIntactChainsAndOneForABrokenChain(CapturedOutput output) throws Exception {
        withApplication(context -> {
            AuditTrail trail = context.getBean(AuditTrail.class);
            for (int i = 0; i < 3; i++) {
                trail.record(TestEvent.of(42L, "test.thing.changed", "t-" + i));
            }
            trail.record(TestEvent.of(null, "test.installation.changed", "i"));
        });

        assertThat(LantauApplication.runCommand("verify-audit", args)).isZero();
        assertThat(output).contains("organisation 42        intact   3 records")
                .contains("installation           intact   1 record\n")
                .contains("Audit trail intact: 2 chains, 4 records.");

        try (Connection db = DriverManager.getConnection(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"))) {
            db.createStatement().executeUpdate("update cmp_audit_record set target_id = 'other' "
                    + "where chain = 42 and seq = 2");
        }

        assertThat(LantauApplication.runCommand("verify-audit", args)).isEqualTo(1);
        assertThat(output).contains("BROKEN   at seq 2: hash_mismatch (2 records checked)")
                .contains("Audit trail BROKEN: 1 of 2 chains fail verification.");
    }

    @Test
    void rotateFieldKeysAddsAPrimaryKeyKeepsOldValuesReadableAndAuditsIt(CapturedOutput output) throws Exception {
        String[] sealed = new String[1];
        withApplication(context -> sealed[0] = context.getBean(FieldProtection.class)
                .encrypt(5, ProtectedField.HKID, "A123456(3)"));
        Path keyset = Path.of(properties.get("lantau.data-dir"), "keys", "field-keyset.json");
        int primaryBefore = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyset),
                InsecureSecretKeyAccess.get()).getPrimary().getId();

        assertThat(LantauApplication.runCommand("rotate-field-keys", args)).isZero();

        var rotated = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyset), InsecureSecretKeyAccess.get());
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.getPrimary().getId()).isNotEqualTo(primaryBefore);
        assertThat(output).contains("Field keys rotated: key " + rotated.getPrimary().getId() + " is primary");
        withApplication(context -> {
            FieldProtection fields = context.getBean(FieldProtection.class);
            assertThat(fields.decrypt(5, ProtectedField.HKID, sealed[0])).isEqualTo("A123456(3)");
            String changes = context.getBean(JdbcClient.class).sql(
                    "select changes from cmp_audit_record where chain = 0 and action = 'compliance.keys.rotated'")
                    .query(String.class).single();
            assertThat(changes).contains("\"primaryKeyId\":" + rotated.getPrimary().getId())
                    .contains("\"previousKeyId\":" + primaryBefore).contains("\"keyCount\":2");
            assertThat(context.getBean(AuditVerification.class).verifyAll()).allMatch(ChainVerification::intact);
        });
    }

    private void withApplication(java.util.function.Consumer<ConfigurableApplicationContext> work) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LantauApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            work.accept(context);
        }
    }
}
