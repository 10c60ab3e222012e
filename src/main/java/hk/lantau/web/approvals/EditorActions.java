package hk.lantau.web.approvals;

import hk.lantau.approval.ApproverSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor's buttons other than save: each names what it does and where, such as
 * {@code addStep:process[0].branches[1].steps:cc} or {@code removeComponent:2}, and changes the
 * posted structure before the page is drawn again. Unknown or stale paths change nothing. The
 * form's own buttons are {@link ComponentActions}.
 */
final class EditorActions {

    private static final Pattern INDEX = Pattern.compile("(\\w+)(?:\\[(\\d+)])?");

    private EditorActions() {
    }

    static void apply(TemplateForm f, String action, String newType) {
        if (ComponentActions.apply(f.getForm(), action, newType, prefix -> nextId(f, prefix))) {
            return;
        }
        String[] parts = action.split(":");
        try {
            switch (parts[0]) {
                case "addStep" -> addStep(f, steps(f, parts[1]), parts[2]);
                case "removeStep" -> steps(f, parent(parts[1])).remove(last(parts[1]));
                case "upStep" -> ComponentActions.swap(steps(f, parent(parts[1])), last(parts[1]), last(parts[1]) - 1);
                case "downStep" -> ComponentActions.swap(steps(f, parent(parts[1])), last(parts[1]), last(parts[1]) + 1);
                case "addBranch" -> addBranch(f, step(f, parts[1]));
                case "removeBranch" -> step(f, parent(parts[1])).getBranches().remove(last(parts[1]));
                case "addClause" -> branch(f, parts[1]).getClauses().add(new TemplateForm.Clause());
                case "removeClause" -> branch(f, parts[1]).getClauses().remove(index(parts[2]));
                case "addVariable" -> f.getVariables().add(new TemplateForm.Variable());
                case "removeVariable" -> f.getVariables().remove(index(parts[1]));
                default -> {
                    // "refresh": draw again, e.g. after a type was changed.
                }
            }
        } catch (RuntimeException stale) {
            // A button of a page drawn before another change: nothing to do.
        }
    }

    /** Adds the step first, so the ids its branches get are counted with it. */
    private static void addStep(TemplateForm f, List<TemplateForm.Step> steps, String kind) {
        TemplateForm.Step step = TemplateForm.Step.of(kind, nextId(f, "step"));
        steps.add(step);
        if (kind.equals("branch")) {
            addBranch(f, step);
            TemplateForm.Branch otherwise = new TemplateForm.Branch();
            otherwise.setId(nextId(f, "branch"));
            otherwise.setFallback(true);
            step.getBranches().add(otherwise);
        } else if (kind.equals("approver")) {
            step.getApprovers().setKind(ApproverSource.ApproverKind.MANAGER.name());
            step.getApprovers().setManagerLevel("1");
        }
    }

    private static void addBranch(TemplateForm f, TemplateForm.Step step) {
        TemplateForm.Branch branch = new TemplateForm.Branch();
        branch.setId(nextId(f, "branch"));
        branch.getClauses().add(new TemplateForm.Clause());
        // New conditions go before the default branch, which is taken last.
        int at = step.getBranches().size();
        for (int i = 0; i < step.getBranches().size(); i++) {
            if (step.getBranches().get(i).isFallback()) {
                at = i;
                break;
            }
        }
        step.getBranches().add(at, branch);
    }

    /** The list of steps at a path such as {@code process} or {@code process[0].branches[1].steps}. */
    static List<TemplateForm.Step> steps(TemplateForm f, String path) {
        return navigate(f, path, List.class);
    }

    static TemplateForm.Step step(TemplateForm f, String path) {
        return navigate(f, path, TemplateForm.Step.class);
    }

    static TemplateForm.Branch branch(TemplateForm f, String path) {
        return navigate(f, path, TemplateForm.Branch.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> T navigate(TemplateForm f, String path, Class<?> expected) {
        Object at = f;
        for (String token : path.split("\\.")) {
            Matcher m = INDEX.matcher(token);
            if (!m.matches()) {
                throw new IllegalArgumentException(path);
            }
            at = switch (m.group(1)) {
                case "process" -> ((TemplateForm) at).getProcess();
                case "branches" -> ((TemplateForm.Step) at).getBranches();
                case "steps" -> ((TemplateForm.Branch) at).getSteps();
                default -> throw new IllegalArgumentException(path);
            };
            if (m.group(2) != null) {
                at = ((List<?>) at).get(Integer.parseInt(m.group(2)));
            }
        }
        if (!expected.isInstance(at)) {
            throw new IllegalArgumentException(path);
        }
        return (T) at;
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('['));
    }

    private static int last(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1));
    }

    private static int index(String value) {
        return Integer.parseInt(value);
    }

    /** An id not yet used anywhere in the template: {@code step3}, {@code field7}. */
    static String nextId(TemplateForm f, String prefix) {
        Set<String> used = new HashSet<>();
        collect(f.getProcess(), used);
        return ComponentActions.nextId(f.getForm(), used, prefix);
    }

    private static void collect(List<TemplateForm.Step> steps, Set<String> used) {
        for (TemplateForm.Step s : steps) {
            used.add(s.getId());
            for (TemplateForm.Branch b : s.getBranches()) {
                used.add(b.getId());
                collect(b.getSteps(), used);
            }
        }
    }
}
