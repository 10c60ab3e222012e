package hk.lantau.approval.internal.form;

import static hk.lantau.approval.internal.form.Forms.money;
import static hk.lantau.approval.internal.form.Forms.number;
import static hk.lantau.approval.internal.form.Forms.select;
import static hk.lantau.approval.internal.form.Forms.text;
import static hk.lantau.approval.internal.form.Forms.value;
import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.Condition;
import hk.lantau.approval.Condition.Operator;
import hk.lantau.approval.FormValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private final FormSchema schema = new FormSchema(List.of(money("amount", "Amount", false),
            number("days", "Days", null, null), select("kind", ComponentType.DDSelectField, "Kind", "Annual", "Sick"),
            select("tags", ComponentType.DDMultiSelectField, "Tags", "a", "b", "c"), text("city", "City", false)));

    @Test
    void comparesNumbersAndMoneyNumerically() {
        ConditionInput in = input(value("amount", "1000.00"), value("days", "2.5"));

        assertThat(matches(field("amount", Operator.EQ, "1000"), in)).isTrue();
        assertThat(matches(field("amount", Operator.GT, "999.99"), in)).isTrue();
        assertThat(matches(field("amount", Operator.GT, "1000"), in)).isFalse();
        assertThat(matches(field("amount", Operator.GE, "1000"), in)).isTrue();
        assertThat(matches(field("amount", Operator.LT, "1000"), in)).isFalse();
        assertThat(matches(field("amount", Operator.LE, "1000.0"), in)).isTrue();
        assertThat(matches(field("days", Operator.BETWEEN, "1", "2.5"), in)).isTrue();
        assertThat(matches(field("days", Operator.BETWEEN, "2.5", "3"), in)).isTrue();
        assertThat(matches(field("days", Operator.BETWEEN, "2.6", "3"), in)).isFalse();
        assertThat(matches(field("days", Operator.IN, "1", "2.50"), in)).isTrue();
        assertThat(matches(field("days", Operator.GT, "x"), in)).isFalse();
        assertThat(matches(field("days", Operator.BETWEEN, "1"), in)).isFalse();
        assertThat(matches(field("days", Operator.CONTAINS_ANY, "2.5"), in)).isFalse();
    }

    @Test
    void comparesSelectsMultiSelectsAndText() {
        ConditionInput in = input(value("kind", "Sick"), value("tags", "[\"a\",\"c\"]"), value("city", "Sha Tin"));

        assertThat(matches(field("kind", Operator.EQ, "Sick"), in)).isTrue();
        assertThat(matches(field("kind", Operator.IN, "Annual", "Sick"), in)).isTrue();
        assertThat(matches(field("kind", Operator.IN, "Annual"), in)).isFalse();
        assertThat(matches(field("tags", Operator.CONTAINS_ANY, "b", "c"), in)).isTrue();
        assertThat(matches(field("tags", Operator.CONTAINS_ANY, "b"), in)).isFalse();
        assertThat(matches(field("tags", Operator.IN, "a"), in)).isFalse();
        assertThat(matches(field("city", Operator.EQ, "Sha Tin"), in)).isTrue();
        assertThat(matches(field("city", Operator.EQ, "sha tin"), in)).isFalse();
        assertThat(matches(field("city", Operator.GT, "A"), in)).isFalse();
    }

    @Test
    void anEmptyFieldMakesEveryComparisonFalse() {
        ConditionInput in = input();

        for (Operator op : Operator.values()) {
            assertThat(matches(field("amount", op, "0"), in)).as(op.name()).isFalse();
            assertThat(matches(field("kind", op, "Sick"), in)).as(op.name()).isFalse();
            assertThat(matches(field("tags", op, "a"), in)).as(op.name()).isFalse();
        }
        assertThat(matches(field("ghost", Operator.EQ, "1"), in)).isFalse();
    }

    @Test
    void matchesTheDepartmentOrAnyOfItsAncestors() {
        ConditionInput in = new ConditionInput(schema.read(List.of()), List.of(30L, 20L, 1L), Map.of());

        assertThat(matches(new Condition.Department(List.of(30L)), in)).isTrue();
        assertThat(matches(new Condition.Department(List.of(99L, 20L)), in)).isTrue();
        assertThat(matches(new Condition.Department(List.of(31L)), in)).isFalse();
        assertThat(matches(new Condition.Department(List.of(1L)),
                new ConditionInput(schema.read(List.of()), null, null))).isFalse();
    }

    @Test
    void comparesVariablesAsNumbersWhenTheyAreNumbers() {
        ConditionInput in = new ConditionInput(schema.read(List.of()), List.of(),
                Map.of("limit", "5000", "centre", "HK-01", "blank", " "));

        assertThat(matches(new Condition.Variable("limit", Operator.GE, List.of("5000.0")), in)).isTrue();
        assertThat(matches(new Condition.Variable("limit", Operator.EQ, List.of("5000.00")), in)).isTrue();
        assertThat(matches(new Condition.Variable("limit", Operator.LT, List.of("600")), in)).isFalse();
        assertThat(matches(new Condition.Variable("limit", Operator.BETWEEN, List.of("1", "5000")), in)).isTrue();
        assertThat(matches(new Condition.Variable("centre", Operator.EQ, List.of("HK-01")), in)).isTrue();
        assertThat(matches(new Condition.Variable("centre", Operator.IN, List.of("HK-02", "HK-01")), in)).isTrue();
        assertThat(matches(new Condition.Variable("centre", Operator.GT, List.of("1")), in)).isFalse();
        assertThat(matches(new Condition.Variable("blank", Operator.EQ, List.of(" ")), in)).isFalse();
        assertThat(matches(new Condition.Variable("unset", Operator.EQ, List.of("x")), in)).isFalse();
    }

    @Test
    void nestsAllOfAndAnyOf() {
        ConditionInput in = new ConditionInput(schema.read(List.of(value("amount", "800"), value("kind", "Sick"))),
                List.of(7L), Map.of());
        Condition big = field("amount", Operator.GT, "1000");
        Condition sick = field("kind", Operator.EQ, "Sick");
        Condition inSeven = new Condition.Department(List.of(7L));

        assertThat(matches(new Condition.AllOf(List.of(sick, inSeven)), in)).isTrue();
        assertThat(matches(new Condition.AllOf(List.of(sick, big)), in)).isFalse();
        assertThat(matches(new Condition.AnyOf(List.of(big, new Condition.AllOf(List.of(sick, inSeven)))), in))
                .isTrue();
        assertThat(matches(new Condition.AnyOf(List.of(big)), in)).isFalse();
    }

    private static boolean matches(Condition c, ConditionInput in) {
        return Conditions.matches(c, in);
    }

    private static Condition field(String id, Operator op, String... values) {
        return new Condition.Field(id, op, List.of(values));
    }

    private ConditionInput input(FormValue... values) {
        return new ConditionInput(schema.read(Arrays.asList(values)), List.of(), Map.of());
    }
}
