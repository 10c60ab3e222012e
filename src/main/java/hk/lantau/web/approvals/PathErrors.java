package hk.lantau.web.approvals;

import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.PageMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A refused approval form: each violation next to the field at its path (the module's path, such
 * as {@code days}, {@code items[1].amount} or {@code process[0].approvers.userIds}) when the page
 * shows that field, the rest above the form. Templates ask {@code errors.at(path)}.
 */
public final class PathErrors {

    public static final PathErrors NONE = new PathErrors(Map.of(), List.of());

    private final Map<String, String> fields;
    private final List<String> general;

    private PathErrors(Map<String, String> fields, List<String> general) {
        this.fields = fields;
        this.general = general;
    }

    public static PathErrors of(LantauException e, PageMessages messages, Predicate<String> shown) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldViolation v : e.violations()) {
            String text = messages.violation(v);
            // Submissions name a field by its id; older readers prefixed it with the list's name.
            String path = v.field() == null ? "" : v.field().replaceFirst("^formValues\\.", "");
            if (shown.test(path)) {
                fields.merge(path, text, (a, b) -> a.equals(b) ? a : a + " " + b);
            } else {
                general.add(text);
            }
        }
        if (fields.isEmpty() && general.isEmpty()) {
            general.add(messages.problem(e));
        }
        return new PathErrors(fields, List.copyOf(general));
    }

    static PathErrors general(String message) {
        return new PathErrors(Map.of(), List.of(message));
    }

    public String at(String path) {
        return fields.get(path);
    }

    public boolean has(String path) {
        return fields.containsKey(path);
    }

    public List<String> getGeneral() {
        return general;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && general.isEmpty();
    }
}
