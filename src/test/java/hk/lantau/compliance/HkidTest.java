package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HkidTest {

    @Test
    void computesTheWorkedExamplesOfTheReference() {
        assertThat(Hkid.checkCharacter("A", "123456")).isEqualTo('3');
        assertThat(Hkid.checkCharacter("AB", "123456")).isEqualTo('9');
        assertThat(Hkid.checkCharacter("D", "288754")).isEqualTo('2');
    }

    @Test
    void writesACheckValueOfTenAsA() {
        // 36*9 + 10*8 + 0 = 404; 404 mod 11 = 8 -> 3. Search a number whose check value is 10.
        String digits = null;
        for (int n = 0; n < 1_000_000 && digits == null; n++) {
            String candidate = String.format("%06d", n);
            if (Hkid.checkCharacter("C", candidate) == 'A') {
                digits = candidate;
            }
        }
        assertThat(digits).isNotNull();
        assertThat(Hkid.normalise("C" + digits + "(a)")).isEqualTo("C" + digits + "(A)");
        assertThat(weightedSum("C" + digits + "A") % 11).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A123456(3)  | A123456(3)",
            "a123456(3)  | A123456(3)",
            "A1234563    | A123456(3)",
            "A123456 3   | A123456(3)",
            "' A123456 (3) ' | A123456(3)",
            "AB123456(9) | AB123456(9)",
            "ab1234569   | AB123456(9)",
            "D288754(2)  | D288754(2)"})
    void normalisesCommonWritings(String input, String expected) {
        assertThat(Hkid.normalise(input)).isEqualTo(expected);
        assertThat(Hkid.isValid(input)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123456(4)", "AB123456(3)", "A12345(6)", "A1234567(3)", "ABC123456(3)", "123456(3)",
            "A123456(B)", "A123456", "A123456((3))", "", "   ", "A１23456(3)"})
    void rejectsMalformedNumbersAndWrongCheckCharacters(String input) {
        assertThat(Hkid.isValid(input)).isFalse();
        assertThatThrownBy(() -> Hkid.normalise(input))
                .isInstanceOf(LantauException.class)
                .hasFieldOrPropertyWithValue("code", "compliance.hkid_invalid");
    }

    @Test
    void namesTheFieldWithoutEchoingTheNumber() {
        LantauException e = org.junit.jupiter.api.Assertions.assertThrows(LantauException.class,
                () -> Hkid.normalise("staff.hkid", "Z987654(1)"));

        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("staff.hkid");
        assertThat(e.getMessage()).doesNotContain("987654").doesNotContain("Z98");
        assertThat(e.violations().get(0).message()).doesNotContain("987654");
    }

    @Test
    void rejectsNull() {
        assertThat(Hkid.tryNormalise(null)).isEmpty();
    }

    @Test
    void agreesWithTheWeightedSumRuleForEveryCheckCharacter() {
        for (String letters : new String[] {"A", "K", "Z", "AB", "XA", "WX"}) {
            for (int n = 0; n < 1000; n += 37) {
                String digits = String.format("%06d", n * 997 % 1_000_000);
                char check = Hkid.checkCharacter(letters, digits);
                assertThat(weightedSum(letters + digits + check) % 11).as(letters + digits).isZero();
            }
        }
    }

    /** The reference's equivalent rule: the check character with weight 1 makes the sum divisible by 11. */
    private static int weightedSum(String compact) {
        String padded = Character.isLetter(compact.charAt(1)) ? compact : " " + compact;
        int[] weights = {9, 8, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = padded.charAt(i);
            int value = c == ' ' ? 36 : Character.isLetter(c) ? c - 'A' + 10 : c - '0';
            sum += value * weights[i];
        }
        return sum;
    }
}
