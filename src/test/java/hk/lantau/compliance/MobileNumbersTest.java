package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+852 9123 4567   | +85291234567",
            "91234567         | +85291234567",
            "9123-4567        | +85291234567",
            "(+852) 6123 4567 | +85261234567",
            "00852 5123 4567  | +85251234567",
            "852 9123 4567    | +85291234567",
            "+86 138 1234 5678 | +8613812345678",
            "+44 7911 123456  | +447911123456",
            "+1 (415) 555-0123 | +14155550123"})
    void normalisesToE164(String input, String expected) {
        assertThat(MobileNumbers.normalise(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1234", "21234567", "31234567", "912345678", "+852 2123 4567",
            "+852 9123 456", "+1234", "+0123456789", "+1234567890123456", "9123 4567 ext 2", "+852-9123-45x7"})
    void rejectsGarbageWithoutEchoingIt(String input) {
        assertThatThrownBy(() -> MobileNumbers.normalise("contact.mobile", input))
                .isInstanceOf(LantauException.class)
                .hasFieldOrPropertyWithValue("code", "compliance.mobile_invalid")
                .satisfies(e -> {
                    LantauException le = (LantauException) e;
                    assertThat(le.violations()).extracting(FieldViolation::field).containsExactly("contact.mobile");
                    if (input.length() > 3) {
                        assertThat(le.getMessage()).doesNotContain(input.strip());
                    }
                });
    }
}
