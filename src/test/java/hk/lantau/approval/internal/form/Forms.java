package hk.lantau.approval.internal.form;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormValue;
import java.math.BigDecimal;
import java.util.List;

/** Small builders for the form tests. */
final class Forms {

    private Forms() {
    }

    static FormComponent text(String id, String label, boolean required) {
        return new FormComponent(id, ComponentType.TextField, label, required, null, null, null, null, null, null,
                null, null, null);
    }

    static FormComponent of(String id, ComponentType type, String label) {
        return new FormComponent(id, type, label, false, null, null, null, null, null, null, null, null, null);
    }

    static FormComponent number(String id, String label, String min, String max) {
        return new FormComponent(id, ComponentType.NumberField, label, false, null, null, null,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), null, null,
                null, null);
    }

    static FormComponent money(String id, String label, boolean required) {
        return new FormComponent(id, ComponentType.MoneyField, label, required, null, "amount", null, null, null,
                null, "HKD", null, null);
    }

    static FormComponent select(String id, ComponentType type, String label, String... options) {
        return new FormComponent(id, type, label, false, null, null, List.of(options), null, null, null, null, null,
                null);
    }

    static FormComponent date(String id, ComponentType type, String label, String format) {
        return new FormComponent(id, type, label, false, null, null, null, null, null, null, null, format, null);
    }

    static FormComponent table(String id, String label, boolean required, FormComponent... children) {
        return new FormComponent(id, ComponentType.TableField, label, required, null, null, null, null, null, null,
                null, null, List.of(children));
    }

    static FormValue value(String id, String value) {
        return new FormValue(id, null, value, null);
    }

    static FormValue named(String name, String value) {
        return new FormValue(null, name, value, null);
    }
}
