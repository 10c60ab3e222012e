package hk.lantau.web.approvals;

import hk.lantau.approval.ApprovalMode;
import hk.lantau.approval.ApproverSource;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.Condition;
import hk.lantau.approval.EmptyApproverRule;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.SelfApproverRule;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateVariable;
import hk.lantau.approval.TimeoutAction;
import hk.lantau.approval.TimeoutRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template definition as the editor posts it: plain beans with indexed names
 * ({@code form[1].label}, {@code process[0].branches[1].steps[0].approvers.kind}), so the whole
 * structure travels in one form and Spring binds it back. Paths mirror the module's, so its
 * validation errors land on the fields they concern.
 */
public class TemplateForm {

    private String name;
    private String description;
    private String groupName;
    private String titleTemplate;
    private String fallbackApproverUserId;
    private List<Field> form = new ArrayList<>();
    private List<Step> process = new ArrayList<>();
    private List<Variable> variables = new ArrayList<>();
    private String json;

    /** A new template: a reason to give and the originator's manager to decide. */
    static TemplateForm starter() {
        TemplateForm f = new TemplateForm();
        Field reason = Field.of("reason", ComponentType.TextareaField);
        reason.setLabel("Reason");
        reason.setRequired(true);
        f.form.add(reason);
        Step manager = Step.of("approver", "step1");
        manager.setName("Manager");
        manager.getApprovers().setKind(ApproverSource.ApproverKind.MANAGER.name());
        manager.getApprovers().setManagerLevel("1");
        f.process.add(manager);
        return f;
    }

    static TemplateForm of(TemplateDefinition d) {
        TemplateForm f = new TemplateForm();
        f.name = d.name();
        f.description = d.description();
        f.groupName = d.groupName();
        f.titleTemplate = d.titleTemplate();
        f.fallbackApproverUserId = d.fallbackApproverUserId();
        d.form().forEach(c -> f.form.add(Field.of(c)));
        d.process().forEach(s -> f.process.add(Step.of(s)));
        d.variables().forEach(v -> f.variables.add(Variable.of(v)));
        return f;
    }

    TemplateDefinition toDefinition() {
        return new TemplateDefinition(text(name), text(description), text(groupName), text(titleTemplate),
                form.stream().map(Field::toComponent).toList(), steps(process),
                variables.stream().map(Variable::toVariable).toList(), text(fallbackApproverUserId));
    }

    static List<ProcessStep> steps(List<Step> steps) {
        return steps.stream().map(Step::toStep).toList();
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static List<String> lines(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal decimal(String value) {
        try {
            return text(value) == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        try {
            return text(value) == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        try {
            return text(value) == null ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** One form component; options are one per line. The smart form editor edits its questions with it too. */
    public static class Field {
        private String id;
        private String type;
        private String label;
        private boolean required;
        private String placeholder;
        private String bizAlias;
        private String options;
        private String min;
        private String max;
        private String maxLength;
        private String currency;
        private String format;
        private List<Field> children = new ArrayList<>();

        public static Field of(String id, ComponentType type) {
            Field f = new Field();
            f.id = id;
            f.type = type.name();
            return f;
        }

        public static Field of(FormComponent c) {
            Field f = of(c.id(), c.type());
            f.label = c.label();
            f.required = c.required();
            f.placeholder = c.placeholder();
            f.bizAlias = c.bizAlias();
            f.options = String.join("\n", c.options());
            f.min = plain(c.min());
            f.max = plain(c.max());
            f.maxLength = c.maxLength() == null ? null : String.valueOf(c.maxLength());
            f.currency = c.currency();
            f.format = c.format();
            c.children().forEach(child -> f.children.add(of(child)));
            return f;
        }

        public FormComponent toComponent() {
            ComponentType kind = choice(ComponentType.class, type);
            boolean numeric = kind == ComponentType.NumberField || kind == ComponentType.MoneyField;
            boolean select = kind == ComponentType.DDSelectField || kind == ComponentType.DDMultiSelectField;
            boolean text = kind == ComponentType.TextField || kind == ComponentType.TextareaField;
            boolean date = kind == ComponentType.DDDateField || kind == ComponentType.DDDateRangeField;
            return new FormComponent(text(id), kind, text(label), required, text(placeholder), text(bizAlias),
                    select ? lines(options) : List.of(), numeric ? decimal(min) : null, numeric ? decimal(max) : null,
                    text ? integer(maxLength) : null, kind == ComponentType.MoneyField ? text(currency) : null,
                    date ? text(format) : null,
                    kind == ComponentType.TableField ? children.stream().map(Field::toComponent).toList() : List.of());
        }

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public String getPlaceholder() { return placeholder; }
        public void setPlaceholder(String placeholder) { this.placeholder = placeholder; }
        public String getBizAlias() { return bizAlias; }
        public void setBizAlias(String bizAlias) { this.bizAlias = bizAlias; }
        public String getOptions() { return options; }
        public void setOptions(String options) { this.options = options; }
        public String getMin() { return min; }
        public void setMin(String min) { this.min = min; }
        public String getMax() { return max; }
        public void setMax(String max) { this.max = max; }
        public String getMaxLength() { return maxLength; }
        public void setMaxLength(String maxLength) { this.maxLength = maxLength; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
        public String getFormat() { return format; }
        public void setFormat(String format) { this.format = format; }
        public List<Field> getChildren() { return children; }
        public void setChildren(List<Field> children) { this.children = children; }
    }

    /** Who approves or is copied. */
    public static class Source {
        private String kind = ApproverSource.ApproverKind.USERS.name();
        private List<String> userIds = new ArrayList<>();
        private String managerLevel;
        private String roleKey;
        private String choiceKey;

        static Source of(ApproverSource s) {
            Source f = new Source();
            if (s != null) {
                f.kind = s.kind() == null ? null : s.kind().name();
                f.userIds = new ArrayList<>(s.userIds());
                f.managerLevel = s.managerLevel() == null ? null : String.valueOf(s.managerLevel());
                f.roleKey = s.roleKey();
                f.choiceKey = s.choiceKey();
            }
            return f;
        }

        ApproverSource toSource() {
            ApproverSource.ApproverKind k = choice(ApproverSource.ApproverKind.class, kind);
            if (k == null) {
                return new ApproverSource(null, List.of(), null, null, null);
            }
            return switch (k) {
                case USERS -> new ApproverSource(k, userIds.stream().filter(u -> text(u) != null).toList(), null, null, null);
                case MANAGER -> new ApproverSource(k, List.of(), integer(managerLevel), null, null);
                case ROLE -> new ApproverSource(k, List.of(), null, text(roleKey), null);
                case ORIGINATOR_CHOICE -> new ApproverSource(k, List.of(), null, null, text(choiceKey));
            };
        }

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public List<String> getUserIds() { return userIds; }
        public void setUserIds(List<String> userIds) { this.userIds = userIds; }
        public String getManagerLevel() { return managerLevel; }
        public void setManagerLevel(String managerLevel) { this.managerLevel = managerLevel; }
        public String getRoleKey() { return roleKey; }
        public void setRoleKey(String roleKey) { this.roleKey = roleKey; }
        public String getChoiceKey() { return choiceKey; }
        public void setChoiceKey(String choiceKey) { this.choiceKey = choiceKey; }
    }

    /** A step of the process: {@code approver}, {@code cc} or {@code branch}. */
    public static class Step {
        private String type;
        private String id;
        private String name;
        private Source approvers = new Source();
        private String mode;
        private String ifEmpty;
        private String ifOriginator;
        private String timeoutHours;
        private String timeoutAction;
        private List<Branch> branches = new ArrayList<>();

        static Step of(String type, String id) {
            Step s = new Step();
            s.type = type;
            s.id = id;
            s.mode = ApprovalMode.SEQUENTIAL.name();
            s.ifEmpty = EmptyApproverRule.SKIP.name();
            s.ifOriginator = SelfApproverRule.ORIGINATOR_DECIDES.name();
            s.timeoutHours = "24";
            s.timeoutAction = TimeoutAction.ESCALATE.name();
            return s;
        }

        static Step of(ProcessStep step) {
            if (step instanceof ApproverStep a) {
                Step s = of("approver", a.id());
                s.name = a.name();
                s.approvers = Source.of(a.approvers());
                s.mode = a.mode().name();
                s.ifEmpty = a.ifEmpty().name();
                s.ifOriginator = a.ifOriginator().name();
                s.timeoutHours = hours(a.timeout().after());
                s.timeoutAction = a.timeout().action().name();
                return s;
            }
            if (step instanceof CcStep c) {
                Step s = of("cc", c.id());
                s.name = c.name();
                s.approvers = Source.of(c.recipients());
                return s;
            }
            BranchStep b = (BranchStep) step;
            Step s = of("branch", b.id());
            s.name = b.name();
            b.branches().forEach(branch -> s.branches.add(Branch.of(branch)));
            return s;
        }

        ProcessStep toStep() {
            return switch (type == null ? "" : type) {
                case "cc" -> new CcStep(text(id), text(name), approvers.toSource());
                case "branch" -> new BranchStep(text(id), text(name), branches.stream().map(Branch::toBranch).toList());
                default -> new ApproverStep(text(id), text(name), approvers.toSource(),
                        choice(ApprovalMode.class, mode), choice(EmptyApproverRule.class, ifEmpty),
                        choice(SelfApproverRule.class, ifOriginator), timeout());
            };
        }

        private TimeoutRule timeout() {
            BigDecimal hours = decimal(timeoutHours);
            Duration after = hours == null ? null
                    : Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValue());
            return new TimeoutRule(after, choice(TimeoutAction.class, timeoutAction));
        }

        private static String hours(Duration after) {
            return plain(BigDecimal.valueOf(after.toMinutes()).divide(BigDecimal.valueOf(60), 2,
                    java.math.RoundingMode.HALF_UP));
        }

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Source getApprovers() { return approvers; }
        public void setApprovers(Source approvers) { this.approvers = approvers; }
        public String getMode() { return mode; }
        public void setMode(String mode) { this.mode = mode; }
        public String getIfEmpty() { return ifEmpty; }
        public void setIfEmpty(String ifEmpty) { this.ifEmpty = ifEmpty; }
        public String getIfOriginator() { return ifOriginator; }
        public void setIfOriginator(String ifOriginator) { this.ifOriginator = ifOriginator; }
        public String getTimeoutHours() { return timeoutHours; }
        public void setTimeoutHours(String timeoutHours) { this.timeoutHours = timeoutHours; }
        public String getTimeoutAction() { return timeoutAction; }
        public void setTimeoutAction(String timeoutAction) { this.timeoutAction = timeoutAction; }
        public List<Branch> getBranches() { return branches; }
        public void setBranches(List<Branch> branches) { this.branches = branches; }
    }

    /**
     * One branch: taken when all (or any) of its clauses hold, or the default branch when it has
     * none. A condition the editor cannot lay out as clauses is kept whole as JSON.
     */
    public static class Branch {
        private String id;
        private String name;
        private boolean fallback;
        private String match = "ALL";
        private List<Clause> clauses = new ArrayList<>();
        private List<Step> steps = new ArrayList<>();

        static Branch of(BranchStep.Branch b) {
            Branch f = new Branch();
            f.id = b.id();
            f.name = b.name();
            f.fallback = b.condition() == null;
            Condition c = b.condition();
            List<Condition> parts = c instanceof Condition.AllOf all ? all.conditions()
                    : c instanceof Condition.AnyOf any ? any.conditions() : c == null ? List.of() : List.of(c);
            f.match = c instanceof Condition.AnyOf ? "ANY" : "ALL";
            parts.forEach(part -> f.clauses.add(Clause.of(part)));
            b.steps().forEach(s -> f.steps.add(Step.of(s)));
            return f;
        }

        BranchStep.Branch toBranch() {
            Condition condition = null;
            if (!fallback) {
                List<Condition> parts = clauses.stream().map(Clause::toCondition).toList();
                condition = parts.size() == 1 ? parts.get(0)
                        : "ANY".equals(match) ? new Condition.AnyOf(parts) : new Condition.AllOf(parts);
            }
            return new BranchStep.Branch(text(id), text(name), condition, TemplateForm.steps(steps));
        }

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public boolean isFallback() { return fallback; }
        public void setFallback(boolean fallback) { this.fallback = fallback; }
        public String getMatch() { return match; }
        public void setMatch(String match) { this.match = match; }
        public List<Clause> getClauses() { return clauses; }
        public void setClauses(List<Clause> clauses) { this.clauses = clauses; }
        public List<Step> getSteps() { return steps; }
        public void setSteps(List<Step> steps) { this.steps = steps; }
    }

    /** One test of a branch: on a field, the originator's department, or a variable. */
    public static class Clause {
        private String kind = "field";
        private String fieldId;
        private String key;
        private String operator = Condition.Operator.EQ.name();
        private String values;
        private List<Long> departmentIds = new ArrayList<>();
        private String json;

        static Clause of(Condition c) {
            Clause f = new Clause();
            if (c instanceof Condition.Field field) {
                f.fieldId = field.fieldId();
                f.operator = field.operator() == null ? null : field.operator().name();
                f.values = String.join(", ", field.values());
            } else if (c instanceof Condition.Variable v) {
                f.kind = "variable";
                f.key = v.key();
                f.operator = v.operator() == null ? null : v.operator().name();
                f.values = String.join(", ", v.values());
            } else if (c instanceof Condition.Department d) {
                f.kind = "department";
                f.departmentIds = new ArrayList<>(d.departmentIds());
            } else {
                f.kind = "json";
                f.json = Json.write(c);
            }
            return f;
        }

        Condition toCondition() {
            return switch (kind == null ? "" : kind) {
                case "department" -> new Condition.Department(departmentIds);
                case "variable" -> new Condition.Variable(text(key), choice(Condition.Operator.class, operator),
                        lines(values));
                case "json" -> Json.read(json, Condition.class);
                default -> new Condition.Field(text(fieldId), choice(Condition.Operator.class, operator), lines(values));
            };
        }

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getFieldId() { return fieldId; }
        public void setFieldId(String fieldId) { this.fieldId = fieldId; }
        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getOperator() { return operator; }
        public void setOperator(String operator) { this.operator = operator; }
        public String getValues() { return values; }
        public void setValues(String values) { this.values = values; }
        public List<Long> getDepartmentIds() { return departmentIds; }
        public void setDepartmentIds(List<Long> departmentIds) { this.departmentIds = departmentIds; }
        public String getJson() { return json; }
        public void setJson(String json) { this.json = json; }
    }

    /** A value the template reads per department. */
    public static class Variable {
        private String key;
        private String label;
        private String defaultValue;

        static Variable of(TemplateVariable v) {
            Variable f = new Variable();
            f.key = v.key();
            f.label = v.label();
            f.defaultValue = v.defaultValue();
            return f;
        }

        TemplateVariable toVariable() {
            return new TemplateVariable(text(key), text(label), text(defaultValue));
        }

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public String getDefaultValue() { return defaultValue; }
        public void setDefaultValue(String defaultValue) { this.defaultValue = defaultValue; }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getGroupName() { return groupName; }
    public void setGroupName(String groupName) { this.groupName = groupName; }
    public String getTitleTemplate() { return titleTemplate; }
    public void setTitleTemplate(String titleTemplate) { this.titleTemplate = titleTemplate; }
    public String getFallbackApproverUserId() { return fallbackApproverUserId; }
    public void setFallbackApproverUserId(String fallbackApproverUserId) { this.fallbackApproverUserId = fallbackApproverUserId; }
    public List<Field> getForm() { return form; }
    public void setForm(List<Field> form) { this.form = form; }
    public List<Step> getProcess() { return process; }
    public void setProcess(List<Step> process) { this.process = process; }
    public List<Variable> getVariables() { return variables; }
    public void setVariables(List<Variable> variables) { this.variables = variables; }
    public String getJson() { return json; }
    public void setJson(String json) { this.json = json; }
}
