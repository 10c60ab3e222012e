package hk.lantau.web.approvals;

import hk.lantau.approval.ComponentType;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The buttons that change a list of form components: add one of a type, remove one, move it up or
 * down, add or remove a table's column. The approval template editor and the smart form editor
 * share them, since a form's questions are the same components.
 */
public final class ComponentActions {

    private ComponentActions() {
    }

    /**
     * Applies an action such as {@code removeComponent:2} or {@code addColumn:1}; false when the action
     * is not one of these. A button of a page drawn before another change does nothing.
     *
     * @param nextId gives an unused id for a prefix ({@code field}, {@code column})
     */
    public static boolean apply(List<TemplateForm.Field> form, String action, String newType,
                                UnaryOperator<String> nextId) {
        String[] parts = action.split(":");
        try {
            switch (parts[0]) {
                case "addComponent" -> form.add(TemplateForm.Field.of(nextId.apply("field"), type(newType)));
                case "removeComponent" -> form.remove(Integer.parseInt(parts[1]));
                case "upComponent" -> swap(form, Integer.parseInt(parts[1]), Integer.parseInt(parts[1]) - 1);
                case "downComponent" -> swap(form, Integer.parseInt(parts[1]), Integer.parseInt(parts[1]) + 1);
                case "addColumn" -> form.get(Integer.parseInt(parts[1])).getChildren()
                        .add(TemplateForm.Field.of(nextId.apply("column"), ComponentType.TextField));
                case "removeColumn" -> form.get(Integer.parseInt(parts[1])).getChildren()
                        .remove(Integer.parseInt(parts[2]));
                default -> {
                    return false;
                }
            }
        } catch (RuntimeException stale) {
            // Nothing to do.
        }
        return true;
    }

    /** An id no component or column uses, nor any of {@code alsoUsed}: {@code field3}. */
    public static String nextId(List<TemplateForm.Field> form, Set<String> alsoUsed, String prefix) {
        Set<String> used = new HashSet<>(alsoUsed);
        form.forEach(c -> {
            used.add(c.getId());
            c.getChildren().forEach(child -> used.add(child.getId()));
        });
        for (int n = 1; ; n++) {
            if (!used.contains(prefix + n)) {
                return prefix + n;
            }
        }
    }

    static <T> void swap(List<T> list, int i, int j) {
        if (i >= 0 && j >= 0 && i < list.size() && j < list.size()) {
            Collections.swap(list, i, j);
        }
    }

    private static ComponentType type(String name) {
        try {
            return ComponentType.valueOf(name);
        } catch (RuntimeException e) {
            return ComponentType.TextField;
        }
    }
}
