package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.shared.LantauException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class FieldProtectionTest extends ComplianceSpringTest {

    @Autowired
    FieldProtection fields;

    @Value("${lantau.data-dir}")
    Path dataDir;

    @Test
    void encryptsAndDecryptsWithAVersionedCiphertext() {
        String sealed = fields.encrypt(7, ProtectedField.HKID, "A123456(3)");

        assertThat(sealed).startsWith("v1:").doesNotContain("A123456");
        assertThat(fields.decrypt(7, ProtectedField.HKID, sealed)).isEqualTo("A123456(3)");
        assertThat(fields.encrypt(7, ProtectedField.HKID, "A123456(3)")).isNotEqualTo(sealed);
    }

    @Test
    void keepsNullAsNull() {
        assertThat(fields.encrypt(7, ProtectedField.MOBILE, null)).isNull();
        assertThat(fields.decrypt(7, ProtectedField.MOBILE, null)).isNull();
        assertThat(fields.mask(ProtectedField.MOBILE, null)).isNull();
    }

    @Test
    void refusesAValueCopiedToAnotherOrganisation() {
        String sealed = fields.encrypt(7, ProtectedField.MOBILE, "+85291234567");

        assertThatThrownBy(() -> fields.decrypt(8, ProtectedField.MOBILE, sealed))
                .isInstanceOf(LantauException.class)
                .hasFieldOrPropertyWithValue("code", "compliance.decrypt_failed")
                .message().doesNotContain("9123");
    }

    @Test
    void refusesAValueCopiedToAnotherField() {
        String sealed = fields.encrypt(7, ProtectedField.MOBILE, "+85291234567");

        assertThatThrownBy(() -> fields.decrypt(7, ProtectedField.BANK_ACCOUNT, sealed))
                .hasFieldOrPropertyWithValue("code", "compliance.decrypt_failed");
    }

    @Test
    void refusesDamagedOrForeignCiphertexts() {
        String sealed = fields.encrypt(7, ProtectedField.HOME_ADDRESS, "Flat 1, 2 Nathan Road");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String flipped = "v1:" + Base64.getEncoder().encodeToString(bytes);

        for (String bad : new String[] {flipped, "v1:not base64!", "v2:" + sealed.substring(3), "clear text"}) {
            assertThatThrownBy(() -> fields.decrypt(7, ProtectedField.HOME_ADDRESS, bad))
                    .hasFieldOrPropertyWithValue("code", "compliance.decrypt_failed");
        }
    }

    @Test
    void blindIndexIsStablePerOrganisationAndField() {
        String index = fields.blindIndex(7, ProtectedField.MOBILE, "+85291234567");

        assertThat(index).hasSize(64).isEqualTo(fields.blindIndex(7, ProtectedField.MOBILE, "+85291234567"));
        assertThat(fields.blindIndex(8, ProtectedField.MOBILE, "+85291234567")).isNotEqualTo(index);
        assertThat(fields.blindIndex(7, ProtectedField.EMERGENCY_CONTACT, "+85291234567")).isNotEqualTo(index);
        assertThat(fields.blindIndex(7, ProtectedField.MOBILE, "+85291234568")).isNotEqualTo(index);
    }

    @Test
    void masksThroughTheInterface() {
        assertThat(fields.mask(ProtectedField.MOBILE, "+85291234567")).isEqualTo("+852 9***4567");
        assertThat(fields.mask(ProtectedField.HKID, "A123456(3)")).isEqualTo("A123***(*)");
    }

    @Test
    void keepsItsKeysInPrivateFilesUnderTheDataDirectory() throws Exception {
        Path keys = dataDir.resolve("keys");
        for (String name : new String[] {"field-keyset.json", "blind-index.key", "audit-chain.key"}) {
            Path file = keys.resolve(name);
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.size(keys.resolve("blind-index.key"))).isEqualTo(32);
        assertThat(Files.readString(keys.resolve("field-keyset.json"))).contains("AesGcmKey");
    }
}
