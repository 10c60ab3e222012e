package hk.lantau.approval.internal.form;

import static hk.lantau.approval.internal.form.Forms.date;
import static hk.lantau.approval.internal.form.Forms.money;
import static hk.lantau.approval.internal.form.Forms.of;
import static hk.lantau.approval.internal.form.Forms.select;
import static hk.lantau.approval.internal.form.Forms.table;
import static hk.lantau.approval.internal.form.Forms.text;
import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.approval.ApproverSource;
import hk.lantau.approval.ApproverSource.ApproverKind;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.BranchStep.Branch;
import hk.lantau.approval.CcStep;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.Condition;
import hk.lantau.approval.Condition.Operator;
import hk.lantau.approval.EmptyApproverRule;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.approval.TemplateVariable;
import hk.lantau.approval.TimeoutAction;
import hk.lantau.approval.TimeoutRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCheckTest {

    private static final List<FormComponent> FORM = List.of(text("reason", "Reason", true),
            money("amount", "Amount", true), select("kind", ComponentType.DDSelectField, "Kind", "Annual", "Sick"),
            select("tags", ComponentType.DDMultiSelectField, "Tags", "a", "b"),
            date("day", ComponentType.DDDateField, "Day", null), of("note", ComponentType.TextNote, "Note"),
            table("items", "Items", false, money("cost", "Cost", true)));
    private static final List<TemplateVariable> VARIABLES = List.of(new TemplateVariable("limit", "Limit", "1000"));

    @Test
    void acceptsANestedProcessWithDefaults() {
        ProcessStep inner = branch("inner",
                new Branch("big", "Big", new Condition.AllOf(List.of(
                        new Condition.Field("amount", Operator.BETWEEN, List.of("1000", "5000")),
                        new Condition.AnyOf(List.of(new Condition.Field("kind", Operator.IN, List.of("Sick")),
                                new Condition.Field("tags", Operator.CONTAINS_ANY, List.of("a", "b")),
                                new Condition.Field("reason", Operator.EQ, List.of("Travel")),
                                new Condition.Variable("limit", Operator.LT, List.of("2000")),
                                new Condition.Variable("limit", Operator.IN, List.of("x", "y")),
                                new Condition.Department(List.of(12L)))))), List.of(users("ceo", "boss"))),
                new Branch("rest", "Other", null, List.of()));
        TemplateDefinition def = def(List.of(manager("m1", 1),
                new ApproverStep("role", "HR", new ApproverSource(ApproverKind.ROLE, null, null, "hr-admin", null),
                        null, EmptyApproverRule.TO_ADMIN, null, new TimeoutRule(Duration.ofMinutes(1), null)),
                new ApproverStep("pick", "Chosen", new ApproverSource(ApproverKind.ORIGINATOR_CHOICE, null, null,
                        null, "reviewer"), null, null, null, new TimeoutRule(Duration.ofDays(30), TimeoutAction.NONE)),
                branch("b1", new Branch("g", "Big", new Condition.Field("amount", Operator.GT, List.of("100")),
                        List.of(inner)), new Branch("d", "Default", null, List.of(cc("cc1")))),
                cc("cc2")), "admin.lee");

        assertThat(ProcessCheck.check(def)).isEmpty();
    }

    @Test
    void refusesBadNamesAndDescriptions() {
        TemplateDefinition def = new TemplateDefinition(" ", "d".repeat(2001), null, null, FORM,
                List.of(manager("m", 1)), null, null);
        assertThat(codes(def)).containsExactly("name approval.template_name_invalid",
                "description approval.template_description_too_long");
        assertThat(codes(new TemplateDefinition("n".repeat(101), null, null, null, FORM, List.of(manager("m", 1)),
                null, null))).containsExactly("name approval.template_name_invalid");
    }

    @Test
    void refusesAnEmptyATooLargeAndATooDeepProcess() {
        assertThat(codes(def(List.of(), null))).containsExactly("process approval.process_empty");

        List<ProcessStep> many = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            many.add(manager("m" + i, 1));
        }
        many.add(branch("b", new Branch("x", null, new Condition.Department(List.of(1L)), List.of(cc("c"))),
                new Branch("y", null, null, List.of())));
        assertThat(codes(def(many, null))).containsExactly("process approval.process_too_large");
        assertThat(codes(def(many.subList(0, 48), null))).isEmpty();

        ProcessStep nested = manager("leaf", 1);
        for (int depth = 6; depth >= 1; depth--) {
            nested = branch("b" + depth, new Branch("c" + depth, null, new Condition.Department(List.of(1L)),
                    List.of(nested)), new Branch("d" + depth, null, null, List.of()));
        }
        assertThat(codes(def(List.of(nested), null))).containsExactly(
                "process[0].branches[0].steps[0].branches[0].steps[0].branches[0].steps[0].branches[0].steps[0]"
                        + ".branches[0].steps[0] approval.process_too_deep");
    }

    @Test
    void refusesBadAndDuplicateStepIdsAcrossBranches() {
        assertThat(codes(def(List.of(manager("9", 1), manager("a", 1),
                branch("a", new Branch("x", null, new Condition.Department(List.of(1L)), List.of(manager("x", 1))),
                        new Branch(null, null, null, List.of()))), null)))
                .containsExactly("process[0].id approval.step_id_invalid",
                        "process[2].id approval.step_id_duplicate",
                        "process[2].branches[0].steps[0].id approval.step_id_duplicate",
                        "process[2].branches[1].id approval.step_id_invalid");
        assertThat(codes(def(List.of(new CcStep("c", "n".repeat(101), users("a").approvers())), null)))
                .containsExactly("process[0].name approval.step_invalid");
    }

    @Test
    void refusesIncompleteApproverSources() {
        List<String> tooMany = Collections.nCopies(101, "u").stream().map(u -> u + Math.random()).toList();
        assertThat(codes(def(List.of(
                new ApproverStep("a", null, null, null, null, null, null),
                new ApproverStep("b", null, new ApproverSource(null, null, null, null, null), null, null, null, null),
                new ApproverStep("c", null, new ApproverSource(ApproverKind.USERS, null, null, null, null), null,
                        null, null, null),
                new ApproverStep("d", null, new ApproverSource(ApproverKind.USERS, List.of("a b"), null, null, null),
                        null, null, null, null),
                new ApproverStep("e", null, new ApproverSource(ApproverKind.USERS, List.of("x", "x"), null, null,
                        null), null, null, null, null),
                new ApproverStep("f", null, new ApproverSource(ApproverKind.USERS, tooMany, null, null, null),
                        null, null, null, null),
                manager("g", 0), manager("h", 21),
                new ApproverStep("i", null, new ApproverSource(ApproverKind.MANAGER, null, null, null, null), null,
                        null, null, null),
                new ApproverStep("j", null, new ApproverSource(ApproverKind.ROLE, null, null, "HR", null), null,
                        null, null, null),
                new ApproverStep("k", null, new ApproverSource(ApproverKind.ORIGINATOR_CHOICE, null, null, null,
                        null), null, null, null, null),
                new CcStep("l", null, null)), null)))
                .containsExactly("process[0].approvers.kind approval.approver_source_invalid",
                        "process[1].approvers.kind approval.approver_source_invalid",
                        "process[2].approvers.userIds approval.approver_source_invalid",
                        "process[3].approvers.userIds approval.approver_source_invalid",
                        "process[4].approvers.userIds approval.approver_source_invalid",
                        "process[5].approvers.userIds approval.approver_source_invalid",
                        "process[6].approvers.managerLevel approval.approver_source_invalid",
                        "process[7].approvers.managerLevel approval.approver_source_invalid",
                        "process[8].approvers.managerLevel approval.approver_source_invalid",
                        "process[9].approvers.roleKey approval.approver_source_invalid",
                        "process[10].approvers.choiceKey approval.approver_source_invalid",
                        "process[11].recipients.kind approval.approver_source_invalid");
    }

    @Test
    void refusesAChoiceKeyUsedTwice() {
        ApproverSource choice = new ApproverSource(ApproverKind.ORIGINATOR_CHOICE, null, null, null, "pick");
        assertThat(codes(def(List.of(new ApproverStep("a", null, choice, null, null, null, null),
                new CcStep("b", null, choice)), null)))
                .containsExactly("process[1].recipients.choiceKey approval.choice_key_duplicate");
    }

    @Test
    void asksForTheFallbackApproverWhenAStepSendsToTheAdmin() {
        ProcessStep toAdmin = new ApproverStep("a", null, users("x").approvers(), null, EmptyApproverRule.TO_ADMIN,
                null, null);
        assertThat(codes(def(List.of(toAdmin), null)))
                .containsExactly("fallbackApproverUserId approval.fallback_approver_required");
        assertThat(codes(def(List.of(toAdmin), " ")))
                .containsExactly("fallbackApproverUserId approval.fallback_approver_required");
        assertThat(codes(def(List.of(manager("m", 1)), "not valid")))
                .containsExactly("fallbackApproverUserId approval.fallback_approver_invalid");
    }

    @Test
    void refusesTimeoutsOutsideAMinuteToThirtyDays() {
        assertThat(codes(def(List.of(timeout("a", Duration.ofSeconds(59)), timeout("b", Duration.ofDays(30).plusMinutes(1)),
                timeout("c", Duration.ofMinutes(-5))), null)))
                .containsExactly("process[0].timeout.after approval.timeout_invalid",
                        "process[1].timeout.after approval.timeout_invalid",
                        "process[2].timeout.after approval.timeout_invalid");
    }

    @Test
    void refusesBranchStepsWithoutExactlyOneDefaultOrWithTooFewBranches() {
        Condition some = new Condition.Department(List.of(1L));
        assertThat(codes(def(List.of(branch("b", new Branch("x", null, some, List.of()),
                new Branch("y", null, some, List.of()))), null)))
                .containsExactly("process[0].branches approval.process_unreachable_end");
        assertThat(codes(def(List.of(branch("b", new Branch("x", null, null, List.of()),
                new Branch("y", null, null, List.of()))), null)))
                .containsExactly("process[0].branches[1].condition approval.branch_default_duplicate");
        assertThat(codes(def(List.of(branch("b", new Branch("x", null, null, List.of()))), null)))
                .containsExactly("process[0].branches approval.branch_too_few");
        assertThat(codes(def(List.of(branch("b")), null)))
                .containsExactly("process[0].branches approval.branch_too_few",
                        "process[0].branches approval.process_unreachable_end");
    }

    @Test
    void refusesConditionsThatCouldNeverBeEvaluated() {
        List<Condition> bad = List.of(
                new Condition.Field("ghost", Operator.EQ, List.of("1")),
                new Condition.Field(null, Operator.EQ, List.of("1")),
                new Condition.Field("note", Operator.EQ, List.of("1")),
                new Condition.Field("items", Operator.EQ, List.of("1")),
                new Condition.Field("cost", Operator.GT, List.of("1")),
                new Condition.Field("day", Operator.EQ, List.of("2024-01-01")),
                new Condition.Field("amount", null, List.of("1")),
                new Condition.Field("amount", Operator.CONTAINS_ANY, List.of("1")),
                new Condition.Field("amount", Operator.GT, List.of("1", "2")),
                new Condition.Field("amount", Operator.GT, List.of()),
                new Condition.Field("amount", Operator.BETWEEN, List.of("5")),
                new Condition.Field("amount", Operator.BETWEEN, List.of("5", "1")),
                new Condition.Field("amount", Operator.GT, List.of("lots")),
                new Condition.Field("amount", Operator.IN, List.of("1", " ")),
                new Condition.Field("kind", Operator.GT, List.of("Sick")),
                new Condition.Field("kind", Operator.IN, List.of("Maternity")),
                new Condition.Field("kind", Operator.IN, List.of()),
                new Condition.Field("tags", Operator.EQ, List.of("a")),
                new Condition.Field("tags", Operator.CONTAINS_ANY, List.of("z")),
                new Condition.Field("reason", Operator.GT, List.of("a")),
                new Condition.Field("reason", Operator.EQ, List.of("a", "b")),
                new Condition.Variable("nope", Operator.EQ, List.of("1")),
                new Condition.Variable("limit", Operator.CONTAINS_ANY, List.of("1")),
                new Condition.Variable("limit", null, List.of("1")),
                new Condition.Variable("limit", Operator.GT, List.of("high")),
                new Condition.Variable("limit", Operator.EQ, List.of()),
                new Condition.Department(List.of()),
                new Condition.Department(List.of(1L, -2L)),
                new Condition.Department(List.of(0L)),
                new Condition.AllOf(List.of()),
                new Condition.AnyOf(List.of(new Condition.Department(List.of(1L)),
                        new Condition.Field("ghost", Operator.EQ, List.of("1")))),
                new Condition.AllOf(List.of(new Condition.Department(List.of(1L)), new Condition.AnyOf(List.of()))),
                deep(6));
        for (Condition condition : bad) {
            TemplateDefinition def = def(List.of(branch("b", new Branch("x", null, condition, List.of()),
                    new Branch("y", null, null, List.of()))), null);
            assertThat(codes(def)).as(condition.toString())
                    .containsExactly("process[0].branches[0].condition approval.process_unreachable_end");
        }
        assertThat(codes(def(List.of(branch("b", new Branch("x", null, deep(5), List.of()),
                new Branch("y", null, null, List.of()))), null))).isEmpty();
    }

    @Test
    void refusesBadAndDuplicateVariables() {
        TemplateDefinition def = new TemplateDefinition("T", null, null, null, FORM, List.of(manager("m", 1)),
                Arrays.asList(new TemplateVariable("limit", "Limit", null), new TemplateVariable("limit", "Again", null),
                        new TemplateVariable("1st", "X", null), new TemplateVariable(null, "Y", null),
                        new TemplateVariable("cc", "", null),
                        new TemplateVariable("dd", "D", "v".repeat(2001))), null);
        assertThat(codes(def)).containsExactly("variables[1].key approval.variable_key_duplicate",
                "variables[2].key approval.variable_key_invalid", "variables[3].key approval.variable_key_invalid",
                "variables[4].label approval.variable_label_invalid",
                "variables[5].defaultValue approval.variable_value_too_long");

        List<TemplateVariable> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new TemplateVariable("v" + i, "V", null));
        }
        assertThat(codes(new TemplateDefinition("T", null, null, null, FORM, List.of(manager("m", 1)), many, null)))
                .containsExactly("variables approval.variables_too_many");
    }

    @Test
    void checksTitlePlaceholders() {
        assertThat(codes(title("${originatorName} asks: ${field.reason}, ${field.amount} (${var.limit}) ${templateName}")))
                .isEmpty();
        for (String bad : List.of("${field.ghost}", "${field.items}", "${field.note}", "${var.nope}", "${who}",
                "Hi ${originatorName", "", "t".repeat(201))) {
            assertThat(codes(title(bad))).as(bad).containsExactly("titleTemplate approval.title_template_invalid");
        }
    }

    private static TemplateDefinition title(String template) {
        return new TemplateDefinition("T", null, null, template, FORM, List.of(manager("m", 1)), VARIABLES, null);
    }

    private static Condition deep(int levels) {
        Condition c = new Condition.Department(List.of(1L));
        for (int i = 1; i < levels; i++) {
            c = new Condition.AllOf(List.of(c));
        }
        return c;
    }

    private static List<String> codes(TemplateDefinition def) {
        return ProcessCheck.check(def).stream().map(v -> v.field() + " " + v.code()).toList();
    }

    private static TemplateDefinition def(List<ProcessStep> process, String fallback) {
        return new TemplateDefinition("Expenses", "Claims", "Finance", null, FORM, process, VARIABLES, fallback);
    }

    private static ApproverStep manager(String id, int level) {
        return new ApproverStep(id, "Manager", new ApproverSource(ApproverKind.MANAGER, null, level, null, null),
                null, null, null, null);
    }

    private static ApproverStep users(String... userIds) {
        return new ApproverStep("u" + userIds.length, "People", new ApproverSource(ApproverKind.USERS,
                List.of(userIds), null, null, null), null, null, null, null);
    }

    private static ApproverStep timeout(String id, Duration after) {
        return new ApproverStep(id, null, users("x").approvers(), null, null, null, new TimeoutRule(after, null));
    }

    private static CcStep cc(String id) {
        return new CcStep(id, "Copy", new ApproverSource(ApproverKind.ROLE, null, null, "finance", null));
    }

    private static BranchStep branch(String id, Branch... branches) {
        return new BranchStep(id, "Branches", List.of(branches));
    }
}
