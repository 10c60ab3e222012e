package hk.lantau.web.shell;

import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A refused form: messages next to the fields they concern, and the rest above the form.
 * Templates ask {@code errors.field('name')} and {@code errors.general}.
 */
public final class FormErrors {

    public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> fields;
    private final List<String> general;

    private FormErrors(Map<String, String> fields, List<String> general) {
        this.fields = fields;
        this.general = general;
    }

    /** Sorts a module's error onto the fields this form shows ({@code formFields}, by API field name). */
    public static FormErrors of(LantauException e, PageMessages messages, String... formFields) {
        Set<String> shown = Set.of(formFields);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldViolation violation : e.violations()) {
            if (shown.contains(violation.field())) {
                fields.putIfAbsent(violation.field(), messages.violation(violation));
            } else {
                general.add(messages.violation(violation));
            }
        }
        if (fields.isEmpty() && general.isEmpty()) {
            general.add(messages.problem(e));
        }
        return new FormErrors(fields, List.copyOf(general));
    }

    /** Like {@link #of}, with errors on list entries ({@code scopes[2]}) shown next to the list's field. */
    public static FormErrors onLists(LantauException e, PageMessages messages, String... formFields) {
        List<FieldViolation> onFields = e.violations().stream().map(v -> new FieldViolation(
                v.field().replaceAll("\\[\\d+]$", ""), v.code(), v.message())).toList();
        return of(new LantauException(e.status(), e.code(), e.getMessage(), onFields), messages, formFields);
    }

    public static FormErrors general(String message) {
        return new FormErrors(Map.of(), List.of(message));
    }

    public static FormErrors field(String field, String message) {
        return new FormErrors(Map.of(field, message), List.of());
    }

    public String field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public List<String> getGeneral() {
        return general;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && general.isEmpty();
    }
}
