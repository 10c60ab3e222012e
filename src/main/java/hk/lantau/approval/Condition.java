package hk.lantau.approval;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A branch condition over the submitted form, the originator's department and the template's
 * variables. On the wire a {@code type} property tells them apart.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Condition.Field.class, name = "field"),
        @JsonSubTypes.Type(value = Condition.Department.class, name = "department"),
        @JsonSubTypes.Type(value = Condition.Variable.class, name = "variable"),
        @JsonSubTypes.Type(value = Condition.AllOf.class, name = "allOf"),
        @JsonSubTypes.Type(value = Condition.AnyOf.class, name = "anyOf")})
public sealed interface Condition {

    /**
     * A form value compared with {@code values}: numbers and money with GT, GE, LT, LE, EQ,
     * BETWEEN (two values, inclusive); selects with IN (any of the values); multi-selects with
     * CONTAINS_ANY; text with EQ.
     */
    record Field(String fieldId, Operator operator, List<String> values) implements Condition {
        public Field {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** The department the originator submitted from is one of these or below one of them. */
    record Department(List<Long> departmentIds) implements Condition {
        public Department {
            departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        }
    }

    /** A template variable's value, as set for the originator's unit, compared like a field. */
    record Variable(String key, Operator operator, List<String> values) implements Condition {
        public Variable {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }

    enum Operator { EQ, GT, GE, LT, LE, BETWEEN, IN, CONTAINS_ANY }
}
