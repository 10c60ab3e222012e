package hk.lantau.approval.internal.form;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.Condition;
import hk.lantau.approval.Condition.Operator;
import hk.lantau.approval.FormComponent;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds conditions that could never be evaluated: they name a missing field or variable, use an
 * operator the field's type has no meaning for, or carry the wrong number of values.
 */
final class ConditionCheck {

    static final int MAX_DEPTH = 5;
    static final int MAX_VALUES = 100;

    private static final Set<Operator> NUMERIC = EnumSet.of(Operator.EQ, Operator.GT, Operator.GE, Operator.LT,
            Operator.LE, Operator.BETWEEN, Operator.IN);
    private static final Set<Operator> TEXT = EnumSet.of(Operator.EQ, Operator.IN);

    private final Map<String, FormComponent> form;
    private final Set<String> variables;

    ConditionCheck(Map<String, FormComponent> form, Set<String> variables) {
        this.form = form;
        this.variables = variables;
    }

    /** Why the condition can never be evaluated, or null when it can. */
    String problem(Condition condition) {
        return problem(condition, 1);
    }

    private String problem(Condition condition, int depth) {
        if (depth > MAX_DEPTH) {
            return "Conditions nest at most " + MAX_DEPTH + " deep.";
        }
        if (condition instanceof Condition.Field f) {
            return field(f);
        }
        if (condition instanceof Condition.Variable v) {
            return variable(v);
        }
        if (condition instanceof Condition.Department d) {
            if (d.departmentIds().isEmpty() || d.departmentIds().stream().anyMatch(id -> id <= 0)) {
                return "A department condition names one or more departments.";
            }
            return null;
        }
        List<Condition> parts = condition instanceof Condition.AllOf all ? all.conditions()
                : ((Condition.AnyOf) condition).conditions();
        if (parts.isEmpty()) {
            return "A combined condition needs at least one condition.";
        }
        for (Condition part : parts) {
            String problem = problem(part, depth + 1);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String field(Condition.Field f) {
        FormComponent c = f.fieldId() == null ? null : form.get(f.fieldId());
        if (c == null) {
            return "The form has no field " + f.fieldId() + ".";
        }
        if (!Kinds.comparable(c)) {
            return c.label() + " cannot be compared.";
        }
        if (f.operator() == null) {
            return "The condition on " + c.label() + " needs an operator.";
        }
        ComponentType type = c.type();
        if (Kinds.NUMERIC.contains(type)) {
            return NUMERIC.contains(f.operator()) ? numbers(f.operator(), f.values()) : unfit(f, c);
        }
        if (type == ComponentType.DDSelectField) {
            return TEXT.contains(f.operator()) ? options(c, f.operator(), f.values()) : unfit(f, c);
        }
        if (type == ComponentType.DDMultiSelectField) {
            return f.operator() == Operator.CONTAINS_ANY ? options(c, f.operator(), f.values()) : unfit(f, c);
        }
        if (Kinds.TEXT.contains(type)) {
            return TEXT.contains(f.operator()) ? count(f.operator(), f.values()) : unfit(f, c);
        }
        return c.label() + " cannot be compared.";
    }

    private String variable(Condition.Variable v) {
        if (v.key() == null || !variables.contains(v.key())) {
            return "The template has no variable " + v.key() + ".";
        }
        if (v.operator() == null || v.operator() == Operator.CONTAINS_ANY) {
            return "A variable is compared with EQ, IN, GT, GE, LT, LE or BETWEEN.";
        }
        if (TEXT.contains(v.operator())) {
            return count(v.operator(), v.values());
        }
        return numbers(v.operator(), v.values());
    }

    private static String unfit(Condition.Field f, FormComponent c) {
        return c.label() + " (" + c.type() + ") cannot be compared with " + f.operator() + ".";
    }

    private static String count(Operator op, List<String> values) {
        int needed = switch (op) {
            case BETWEEN -> 2;
            case IN, CONTAINS_ANY -> -1;
            default -> 1;
        };
        if (values.stream().anyMatch(String::isBlank)) {
            return "A condition's values may not be blank.";
        }
        if (needed > 0 && values.size() != needed) {
            return op + " takes " + needed + (needed == 1 ? " value." : " values.");
        }
        if (needed < 0 && (values.isEmpty() || values.size() > MAX_VALUES)) {
            return op + " takes 1 to " + MAX_VALUES + " values.";
        }
        return null;
    }

    private static String numbers(Operator op, List<String> values) {
        String problem = count(op, values);
        if (problem != null) {
            return problem;
        }
        for (String value : values) {
            if (Encodings.number(value) == null) {
                return value + " is not a number.";
            }
        }
        if (op == Operator.BETWEEN && Encodings.number(values.get(0)).compareTo(Encodings.number(values.get(1))) > 0) {
            return "BETWEEN takes the lower bound first.";
        }
        return null;
    }

    private static String options(FormComponent c, Operator op, List<String> values) {
        String problem = count(op, values);
        if (problem != null) {
            return problem;
        }
        for (String value : values) {
            if (!c.options().contains(value)) {
                return value + " is not an option of " + c.label() + ".";
            }
        }
        return null;
    }
}
