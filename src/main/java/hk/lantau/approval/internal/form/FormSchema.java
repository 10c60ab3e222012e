package hk.lantau.approval.internal.form;

import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormValue;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A template's form: checks its definition ({@link #check}) and reads submissions against it
 * ({@link #read}). Submitted values are taken in DingTalk's string encodings and in the old SDK's
 * looser habits, and come out in DingTalk's encodings.
 */
public final class FormSchema {

    /** DingTalk's extra text for a value (an amount in words, a range's duration) is kept as sent, up to this. */
    static final int MAX_EXT_VALUE = 10_000;

    private final List<FormComponent> form;
    private final Map<String, FormComponent> byId = new LinkedHashMap<>();
    private final Map<String, FormComponent> byLabel = new HashMap<>();

    /** A form that passed {@link #check}. */
    public FormSchema(List<FormComponent> form) {
        this.form = List.copyOf(form);
        for (FormComponent c : this.form) {
            byId.putIfAbsent(c.id(), c);
            if (c.type().takesValue() && c.label() != null) {
                byLabel.putIfAbsent(c.label().strip(), c);
            }
        }
    }

    /**
     * What is wrong with a form definition, with paths such as {@code form[2].options}; empty when
     * it is fine.
     */
    public static List<FieldViolation> check(List<FormComponent> form) {
        return new FormDefinitionCheck().check(form);
    }

    public List<FormComponent> components() {
        return form;
    }

    /**
     * Reads a submission. Each value names its component by {@code id}, or by {@code name} equal
     * to the component's label.
     *
     * @throws LantauException 400 {@code approval.form_invalid}, with one violation per refused
     *                         component (field: its id; inside tables {@code items[1].amount})
     */
    public SubmittedForm read(List<FormValue> values) {
        List<FieldViolation> out = new ArrayList<>();
        Map<String, FormValue> given = new HashMap<>();
        Set<String> refused = new HashSet<>();
        List<FormValue> submitted = values == null ? List.of() : values;
        for (int i = 0; i < submitted.size(); i++) {
            FormValue v = submitted.get(i);
            if (v == null) {
                continue;
            }
            FormComponent c = find(v);
            if (c == null) {
                String named = notBlank(v.id()) ? v.id() : notBlank(v.name()) ? v.name() : "formValues[" + i + "]";
                out.add(new FieldViolation(named, "approval.field_unknown", "The form has no such field."));
            } else if (given.putIfAbsent(c.id(), v) != null && refused.add(c.id())) {
                out.add(new FieldViolation(c.id(), "approval.field_duplicate", "The field has two values."));
            }
        }
        List<SubmittedForm.Entry> entries = new ArrayList<>();
        for (FormComponent c : form) {
            FormValue v = given.get(c.id());
            if (refused.contains(c.id())) {
                continue;
            }
            if (!c.type().takesValue()) {
                if (v != null && notBlank(v.value())) {
                    out.add(new FieldViolation(c.id(), "approval.field_takes_no_value",
                            c.label() + " is text on the form and takes no value."));
                }
                continue;
            }
            String extValue = v == null ? null : v.extValue();
            if (extValue != null && extValue.length() > MAX_EXT_VALUE) {
                out.add(new FieldViolation(c.id(), "approval.field_too_long",
                        "An extValue has at most " + MAX_EXT_VALUE + " characters."));
                continue;
            }
            String value = ValueReader.read(c, v == null ? null : v.value(), c.id(), out);
            entries.add(new SubmittedForm.Entry(c, value, extValue));
        }
        if (!out.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "approval.form_invalid",
                    "Some values of the form are missing or not valid.", out);
        }
        return new SubmittedForm(entries);
    }

    /** By id, then by name as the label (DingTalk's way), then by name as the id. */
    private FormComponent find(FormValue v) {
        FormComponent c = notBlank(v.id()) ? byId.get(v.id()) : null;
        if (c == null && notBlank(v.name())) {
            c = byLabel.get(v.name().strip());
            if (c == null) {
                c = byId.get(v.name());
            }
        }
        return c;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
