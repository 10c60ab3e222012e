package hk.lantau.web.approvals;

import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.PageMessages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template module's objections laid onto the editor: each message in the card of the deepest
 * part it concerns (a component, a column, a step, a branch, a variable, or the template itself),
 * and the exact field marked. Nothing is dropped: a path the editor does not draw shows on the
 * part around it.
 */
public final class EditorErrors {

    public static final EditorErrors NONE = new EditorErrors(Map.of(), Set.of());

    private final Map<String, List<String>> byPart;
    private final Set<String> fields;

    private EditorErrors(Map<String, List<String>> byPart, Set<String> fields) {
        this.byPart = byPart;
        this.fields = fields;
    }

    static EditorErrors of(LantauException e, PageMessages messages, TemplateForm form) {
        if (e.violations().isEmpty()) {
            return general(messages.problem(e));
        }
        List<String> parts = new ArrayList<>();
        components(form.getForm(), parts);
        steps(form.getProcess(), "process", parts);
        for (int i = 0; i < form.getVariables().size(); i++) {
            parts.add("variables[" + i + "]");
        }
        return laid(e.violations(), messages, parts);
    }

    /**
     * Objections to a list of components alone (paths {@code form[2].options}), for an editor whose
     * other fields show their own errors; a path on no component is on the list itself ({@code ""}).
     */
    public static EditorErrors ofComponents(List<FieldViolation> violations, PageMessages messages,
                                            List<TemplateForm.Field> form) {
        List<String> parts = new ArrayList<>();
        components(form, parts);
        return laid(violations, messages, parts);
    }

    private static EditorErrors laid(List<FieldViolation> violations, PageMessages messages, List<String> parts) {
        Map<String, List<String>> byPart = new LinkedHashMap<>();
        Set<String> fields = new HashSet<>();
        for (FieldViolation v : violations) {
            // CC steps name their people "recipients"; the editor draws one people picker for both.
            String path = v.field() == null ? "" : v.field().replace(".recipients", ".approvers");
            fields.add(path);
            byPart.computeIfAbsent(deepest(parts, path), k -> new ArrayList<>()).add(messages.violation(v));
        }
        return new EditorErrors(byPart, fields);
    }

    public static EditorErrors general(String message) {
        return new EditorErrors(Map.of("", List.of(message)), Set.of());
    }

    private static String deepest(List<String> parts, String path) {
        String best = "";
        for (String part : parts) {
            boolean within = path.equals(part) || path.startsWith(part + ".") || path.startsWith(part + "[");
            if (within && part.length() > best.length()) {
                best = part;
            }
        }
        return best;
    }

    private static void components(List<TemplateForm.Field> form, List<String> parts) {
        for (int i = 0; i < form.size(); i++) {
            parts.add("form[" + i + "]");
            for (int j = 0; j < form.get(i).getChildren().size(); j++) {
                parts.add("form[" + i + "].children[" + j + "]");
            }
        }
    }

    private static void steps(List<TemplateForm.Step> steps, String path, List<String> parts) {
        for (int i = 0; i < steps.size(); i++) {
            String at = path + "[" + i + "]";
            parts.add(at);
            List<TemplateForm.Branch> branches = steps.get(i).getBranches();
            for (int j = 0; j < branches.size(); j++) {
                parts.add(at + ".branches[" + j + "]");
                steps(branches.get(j).getSteps(), at + ".branches[" + j + "].steps", parts);
            }
        }
    }

    /** The messages for one part; {@code ""} is the template itself. */
    public List<String> at(String part) {
        return byPart.getOrDefault(part, List.of());
    }

    /** Whether the field at this exact path was refused. */
    public boolean has(String path) {
        return fields.contains(path);
    }

    /** Every message outside the template's own fields, with the anchor of the part it is on, for the summary. */
    public List<Located> getLocated() {
        List<Located> located = new ArrayList<>();
        byPart.forEach((part, messages) -> {
            if (!part.isEmpty()) {
                messages.forEach(m -> located.add(new Located(anchor(part), m)));
            }
        });
        return located;
    }

    /** The id the editor gives a part's card: {@code c-2} for a component, {@code s-process-0} for a step. */
    static String anchor(String part) {
        if (part.startsWith("form[")) {
            return "c-" + part.substring(5, part.indexOf(']'));
        }
        if (part.startsWith("variables[")) {
            return "v-" + part.substring(10, part.indexOf(']'));
        }
        return "s-" + part.replace("[", "-").replace("]", "").replace(".", "-");
    }

    public record Located(String anchor, String message) {
    }

    public boolean isEmpty() {
        return byPart.isEmpty();
    }

    public int count() {
        return byPart.values().stream().mapToInt(List::size).sum();
    }
}
