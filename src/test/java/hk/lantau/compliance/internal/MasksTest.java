package hk.lantau.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.compliance.ProtectedField;
import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void masksMobilesKeepingCountryCodeFirstDigitAndLastFour() {
        assertThat(Masks.mask(ProtectedField.MOBILE, "+85291234567")).isEqualTo("+852 9***4567");
        assertThat(Masks.mask(ProtectedField.MOBILE, "+852 6123 1234")).isEqualTo("+852 6***1234");
        assertThat(Masks.mask(ProtectedField.MOBILE, "91234567")).isEqualTo("9***4567");
        assertThat(Masks.mask(ProtectedField.MOBILE, "+8613812345678")).isEqualTo("+86 1***5678");
        assertThat(Masks.mask(ProtectedField.MOBILE, "+14155550123")).isEqualTo("+1 4***0123");
        assertThat(Masks.mask(ProtectedField.MOBILE, "+447911123456")).isEqualTo("+44 7***3456");
    }

    @Test
    void mobileMaskDoesNotRevealLength() {
        assertThat(Masks.mask(ProtectedField.MOBILE, "+8613812345678"))
                .hasSameSizeAs(Masks.mask(ProtectedField.MOBILE, "+86138123456"));
    }

    @Test
    void masksShortOrOddMobilesFully() {
        assertThat(Masks.mask(ProtectedField.MOBILE, "12345")).isEqualTo("******");
        assertThat(Masks.mask(ProtectedField.MOBILE, "+852")).isEqualTo("******");
        assertThat(Masks.mask(ProtectedField.MOBILE, "")).isEqualTo("******");
    }

    @Test
    void masksHkidKeepingLettersAndFirstThreeDigits() {
        assertThat(Masks.mask(ProtectedField.HKID, "A123456(3)")).isEqualTo("A123***(*)");
        assertThat(Masks.mask(ProtectedField.HKID, "a1234563")).isEqualTo("A123***(*)");
        assertThat(Masks.mask(ProtectedField.HKID, "AB123456(9)")).isEqualTo("AB123***(*)");
        assertThat(Masks.mask(ProtectedField.HKID, "not an id")).isEqualTo("******");
        assertThat(Masks.mask(ProtectedField.HKID, "A123456(4)")).isEqualTo("******");
    }

    @Test
    void masksBankAccountsToTheLastFourDigits() {
        assertThat(Masks.mask(ProtectedField.BANK_ACCOUNT, "004-123-456789-001")).isEqualTo("****9001");
        assertThat(Masks.mask(ProtectedField.BANK_ACCOUNT, "12345678901234")).isEqualTo("****1234");
        assertThat(Masks.mask(ProtectedField.BANK_ACCOUNT, "1234567")).isEqualTo("******");
    }

    @Test
    void masksFreeTextFieldsFully() {
        assertThat(Masks.mask(ProtectedField.HOME_ADDRESS, "Flat A, 12/F, 1 Queen's Road Central"))
                .isEqualTo("******");
        assertThat(Masks.mask(ProtectedField.EMERGENCY_CONTACT, "Mum 91234567")).isEqualTo("******");
        assertThat(Masks.mask(ProtectedField.MEDICAL_NOTES, "x")).isEqualTo("******");
    }
}
