package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SecretSealingTest extends ComplianceSpringTest {

    @Autowired
    SecretSealing sealing;
    @Autowired
    FieldProtection fields;

    @Test
    void opensASealedSecretForItsPurposeOnly() {
        String sealed = sealing.seal("totp", "JBSWY3DPEHPK3PXP");

        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DP");
        assertThat(sealing.open("totp", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> sealing.open("webhook", sealed))
                .hasFieldOrPropertyWithValue("code", "compliance.decrypt_failed");
        assertThat(sealing.reseal("totp", sealed)).isEqualTo(sealed);
    }

    @Test
    void neverOpensAProtectedFieldAsASecret() {
        String field = fields.encrypt(1, ProtectedField.MOBILE, "+85291234567");

        assertThatThrownBy(() -> sealing.open("lantau|1|mobile", field))
                .hasFieldOrPropertyWithValue("code", "compliance.decrypt_failed");
        assertThat(sealing.seal("totp", null)).isNull();
        assertThat(sealing.open("totp", null)).isNull();
    }

    @Test
    void keyedHashesAreStableSecretAndSeparatedByPurpose() {
        String hash = sealing.keyedHash("app-secret", "s3cret-value");

        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        assertThat(sealing.keyedHash("app-secret", "s3cret-value")).isEqualTo(hash);
        assertThat(sealing.keyedHash("app-secret", "s3cret-valuf")).isNotEqualTo(hash);
        assertThat(sealing.keyedHash("webhook", "s3cret-value")).isNotEqualTo(hash);
        assertThat(hash).isNotEqualTo(hk.lantau.shared.Tokens.sha256Hex("s3cret-value"));
        assertThat(hash).isNotEqualTo(fields.blindIndex(1, ProtectedField.MOBILE, "s3cret-value"));
    }
}
