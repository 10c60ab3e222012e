package hk.lantau.approval.internal.form;

import hk.lantau.approval.ApproverSource;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.EmptyApproverRule;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateVariable;
import hk.lantau.shared.FieldViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a template's name, process, variables and title. The form itself is checked by
 * {@link FormSchema#check}; call both. A branch step without exactly one default, or with a
 * condition that could never be evaluated, would leave some submissions without a way to the
 * end: those are {@code approval.process_unreachable_end} on the branch's path.
 */
public final class ProcessCheck {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_STEPS = 50;
    static final int MAX_DEPTH = 5;
    static final int MAX_USERS = 100;
    static final int MAX_MANAGER_LEVEL = 20;
    static final int MAX_VARIABLES = 50;
    static final int MAX_TITLE = 200;
    static final Duration MIN_TIMEOUT = Duration.ofMinutes(1);
    static final Duration MAX_TIMEOUT = Duration.ofDays(30);

    private static final Pattern VARIABLE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final List<FieldViolation> violations = new ArrayList<>();
    private final Set<String> stepIds = new HashSet<>();
    private final Set<String> choiceKeys = new HashSet<>();
    private final Map<String, FormComponent> form = new HashMap<>();
    private final Set<String> variableKeys = new HashSet<>();
    private boolean needsFallback;
    private int steps;

    private ProcessCheck(TemplateDefinition def) {
        for (FormComponent c : def.form()) {
            if (c.id() != null) {
                form.putIfAbsent(c.id(), c);
            }
        }
    }

    /** What is wrong with the definition apart from its form; empty when it is fine. */
    public static List<FieldViolation> check(TemplateDefinition def) {
        ProcessCheck check = new ProcessCheck(def);
        check.texts(def);
        check.variables(def.variables());
        check.process(def);
        check.title(def.titleTemplate());
        return List.copyOf(check.violations);
    }

    private void texts(TemplateDefinition def) {
        if (def.name() == null || def.name().isBlank() || def.name().length() > MAX_NAME) {
            add("name", "approval.template_name_invalid", "A name has 1 to " + MAX_NAME + " characters.");
        }
        if (def.description() != null && def.description().length() > MAX_DESCRIPTION) {
            add("description", "approval.template_description_too_long",
                    "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
    }

    private void variables(List<TemplateVariable> variables) {
        if (variables.size() > MAX_VARIABLES) {
            add("variables", "approval.variables_too_many", "A template has at most " + MAX_VARIABLES + " variables.");
        }
        for (int i = 0; i < variables.size(); i++) {
            TemplateVariable v = variables.get(i);
            String at = "variables[" + i + "]";
            if (v.key() == null || !VARIABLE_KEY.matcher(v.key()).matches()) {
                add(at + ".key", "approval.variable_key_invalid",
                        "A key starts with a letter and has up to 64 letters, digits and _.");
                continue;
            }
            if (!variableKeys.add(v.key())) {
                add(at + ".key", "approval.variable_key_duplicate", "Another variable has the key " + v.key() + ".");
            }
            if (v.label() == null || v.label().isBlank() || v.label().length() > MAX_NAME) {
                add(at + ".label", "approval.variable_label_invalid", "A label has 1 to " + MAX_NAME + " characters.");
            }
            if (v.defaultValue() != null && v.defaultValue().length() > MAX_DESCRIPTION) {
                add(at + ".defaultValue", "approval.variable_value_too_long",
                        "A value has at most " + MAX_DESCRIPTION + " characters.");
            }
        }
    }

    private void process(TemplateDefinition def) {
        if (def.process().isEmpty()) {
            add("process", "approval.process_empty", "A process needs at least one step.");
            return;
        }
        steps(def.process(), "process", 0);
        if (steps > MAX_STEPS) {
            violations.add(0, new FieldViolation("process", "approval.process_too_large",
                    "A process has at most " + MAX_STEPS + " steps, counting those inside branches."));
        }
        if (needsFallback && (def.fallbackApproverUserId() == null || def.fallbackApproverUserId().isBlank())) {
            add("fallbackApproverUserId", "approval.fallback_approver_required",
                    "A step sends its tasks to the admin when it finds nobody: name that admin.");
        } else if (def.fallbackApproverUserId() != null
                && !Kinds.USER_ID.matcher(def.fallbackApproverUserId()).matches()) {
            add("fallbackApproverUserId", "approval.fallback_approver_invalid", "Name the admin by their userid.");
        }
    }

    private void steps(List<ProcessStep> list, String path, int depth) {
        for (int i = 0; i < list.size(); i++) {
            ProcessStep step = list.get(i);
            String at = path + "[" + i + "]";
            steps++;
            id(step.id(), at + ".id");
            if (step.name() != null && step.name().length() > MAX_NAME) {
                add(at + ".name", "approval.step_invalid", "A step's name has at most " + MAX_NAME + " characters.");
            }
            if (step instanceof ApproverStep a) {
                approver(a, at);
            } else if (step instanceof CcStep cc) {
                source(cc.recipients(), at + ".recipients");
            } else if (step instanceof BranchStep b) {
                branches(b, at, depth + 1);
            }
        }
    }

    private void id(String id, String at) {
        if (id == null || !Kinds.ID.matcher(id).matches()) {
            add(at, "approval.step_id_invalid", "An id starts with a letter and has up to 64 letters, digits, _ and -.");
        } else if (!stepIds.add(id)) {
            add(at, "approval.step_id_duplicate", "Another step or branch has the id " + id + ".");
        }
    }

    private void approver(ApproverStep step, String at) {
        source(step.approvers(), at + ".approvers");
        if (step.ifEmpty() == EmptyApproverRule.TO_ADMIN) {
            needsFallback = true;
        }
        Duration after = step.timeout().after();
        if (after.compareTo(MIN_TIMEOUT) < 0 || after.compareTo(MAX_TIMEOUT) > 0) {
            add(at + ".timeout.after", "approval.timeout_invalid", "A time-out is between 1 minute and 30 days.");
        }
    }

    private void source(ApproverSource source, String at) {
        if (source == null || source.kind() == null) {
            add(at + ".kind", "approval.approver_source_invalid", "Say who approves or is copied.");
            return;
        }
        switch (source.kind()) {
            case USERS -> {
                boolean wellFormed = source.userIds().stream().allMatch(u -> Kinds.USER_ID.matcher(u).matches());
                if (source.userIds().isEmpty() || source.userIds().size() > MAX_USERS || !wellFormed
                        || new HashSet<>(source.userIds()).size() != source.userIds().size()) {
                    add(at + ".userIds", "approval.approver_source_invalid",
                            "Name 1 to " + MAX_USERS + " different people by userid.");
                }
            }
            case MANAGER -> {
                Integer level = source.managerLevel();
                if (level == null || level < 1 || level > MAX_MANAGER_LEVEL) {
                    add(at + ".managerLevel", "approval.approver_source_invalid",
                            "A manager level is 1 to " + MAX_MANAGER_LEVEL + ".");
                }
            }
            case ROLE -> {
                if (source.roleKey() == null || !Kinds.ROLE_KEY.matcher(source.roleKey()).matches()) {
                    add(at + ".roleKey", "approval.approver_source_invalid", "Name the role by its key.");
                }
            }
            case ORIGINATOR_CHOICE -> {
                if (source.choiceKey() == null || !Kinds.ID.matcher(source.choiceKey()).matches()) {
                    add(at + ".choiceKey", "approval.approver_source_invalid",
                            "A choice key starts with a letter and has up to 64 letters, digits, _ and -.");
                } else if (!choiceKeys.add(source.choiceKey())) {
                    add(at + ".choiceKey", "approval.choice_key_duplicate",
                            "Another step uses the choice key " + source.choiceKey() + ".");
                }
            }
        }
    }

    private void branches(BranchStep step, String at, int depth) {
        if (depth > MAX_DEPTH) {
            add(at, "approval.process_too_deep", "Branches nest at most " + MAX_DEPTH + " deep.");
            return;
        }
        if (step.branches().size() < 2) {
            add(at + ".branches", "approval.branch_too_few", "A branch step has at least two branches.");
        }
        ConditionCheck conditions = new ConditionCheck(form, variableKeys);
        int defaults = 0;
        for (int j = 0; j < step.branches().size(); j++) {
            BranchStep.Branch branch = step.branches().get(j);
            String branchAt = at + ".branches[" + j + "]";
            id(branch.id(), branchAt + ".id");
            if (branch.condition() == null) {
                if (++defaults > 1) {
                    add(branchAt + ".condition", "approval.branch_default_duplicate",
                            "Only one branch is the default, without a condition.");
                }
            } else {
                String problem = conditions.problem(branch.condition());
                if (problem != null) {
                    add(branchAt + ".condition", "approval.process_unreachable_end",
                            problem + " Some submissions could never reach the end.");
                }
            }
            steps(branch.steps(), branchAt + ".steps", depth);
        }
        if (defaults == 0) {
            add(at + ".branches", "approval.process_unreachable_end",
                    "A branch step needs a default branch, without a condition, or some submissions could never"
                            + " reach the end.");
        }
    }

    private void title(String template) {
        if (template == null) {
            return;
        }
        if (template.isBlank() || template.length() > MAX_TITLE) {
            add("titleTemplate", "approval.title_template_invalid", "A title has 1 to " + MAX_TITLE + " characters.");
            return;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!knownPlaceholder(m.group(1).strip())) {
                add("titleTemplate", "approval.title_template_invalid",
                        "The title names ${" + m.group(1) + "}, which is neither a field nor a variable.");
                return;
            }
        }
        if (PLACEHOLDER.matcher(template).replaceAll("").contains("${")) {
            add("titleTemplate", "approval.title_template_invalid", "A placeholder in the title is not closed.");
        }
    }

    private boolean knownPlaceholder(String name) {
        if (name.equals("originatorName") || name.equals("templateName")) {
            return true;
        }
        if (name.startsWith("field.")) {
            FormComponent c = form.get(name.substring("field.".length()));
            return c != null && Kinds.comparable(c);
        }
        return name.startsWith("var.") && variableKeys.contains(name.substring("var.".length()));
    }

    private void add(String field, String code, String message) {
        violations.add(new FieldViolation(field, code, message));
    }
}
