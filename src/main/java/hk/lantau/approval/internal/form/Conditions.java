package hk.lantau.approval.internal.form;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.Condition;
import hk.lantau.approval.FormComponent;
import java.math.BigDecimal;
import java.util.List;

/**
 * Evaluates branch conditions. A condition that cannot be answered (an empty field, a variable
 * without a value, a value that is not a number where one is needed) is false, so the branch's
 * default takes the submission; {@link ProcessCheck} makes sure every branch step has one.
 */
public final class Conditions {

    private Conditions() {
    }

    public static boolean matches(Condition condition, ConditionInput in) {
        if (condition instanceof Condition.Field f) {
            return field(f, in.form());
        }
        if (condition instanceof Condition.Department d) {
            return in.departmentPath().stream().anyMatch(d.departmentIds()::contains);
        }
        if (condition instanceof Condition.Variable v) {
            return variable(v, in.variables().get(v.key()));
        }
        if (condition instanceof Condition.AllOf all) {
            return all.conditions().stream().allMatch(c -> matches(c, in));
        }
        if (condition instanceof Condition.AnyOf any) {
            return any.conditions().stream().anyMatch(c -> matches(c, in));
        }
        return false;
    }

    private static boolean field(Condition.Field f, SubmittedForm form) {
        FormComponent c = form.component(f.fieldId());
        Object value = form.typed(f.fieldId());
        if (c == null || value == null || f.operator() == null) {
            return false;
        }
        if (Kinds.NUMERIC.contains(c.type())) {
            return compare((BigDecimal) value, f.operator(), f.values());
        }
        if (c.type() == ComponentType.DDMultiSelectField) {
            List<?> chosen = (List<?>) value;
            return f.operator() == Condition.Operator.CONTAINS_ANY && f.values().stream().anyMatch(chosen::contains);
        }
        if (value instanceof String s) {
            return text(s, f.operator(), f.values());
        }
        return false;
    }

    private static boolean variable(Condition.Variable v, String value) {
        if (value == null || value.isBlank() || v.operator() == null) {
            return false;
        }
        BigDecimal number = Encodings.number(value);
        boolean numeric = number != null && v.values().stream().allMatch(x -> Encodings.number(x) != null);
        if (numeric) {
            return compare(number, v.operator(), v.values());
        }
        return text(value, v.operator(), v.values());
    }

    private static boolean text(String value, Condition.Operator op, List<String> values) {
        return switch (op) {
            case EQ -> values.size() == 1 && value.strip().equals(values.get(0).strip());
            case IN -> values.stream().anyMatch(x -> value.strip().equals(x.strip()));
            default -> false;
        };
    }

    private static boolean compare(BigDecimal value, Condition.Operator op, List<String> values) {
        BigDecimal[] operands = new BigDecimal[values.size()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = Encodings.number(values.get(i));
            if (operands[i] == null) {
                return false;
            }
        }
        int one = operands.length == 1 ? value.compareTo(operands[0]) : 0;
        return switch (op) {
            case EQ -> operands.length == 1 && one == 0;
            case GT -> operands.length == 1 && one > 0;
            case GE -> operands.length == 1 && one >= 0;
            case LT -> operands.length == 1 && one < 0;
            case LE -> operands.length == 1 && one <= 0;
            case BETWEEN -> operands.length == 2 && value.compareTo(operands[0]) >= 0
                    && value.compareTo(operands[1]) <= 0;
            case IN -> List.of(operands).stream().anyMatch(x -> value.compareTo(x) == 0);
            case CONTAINS_ANY -> false;
        };
    }
}
