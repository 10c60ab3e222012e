package hk.lantau.approval.web;

import hk.lantau.approval.ApprovalTriggers;
import hk.lantau.approval.TriggerRule;
import hk.lantau.approval.TriggerRuleView;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rules that start approvals from dates in the directory; need approval.manage. */
@RestController
@RequestMapping("/api/v1/approval-triggers")
@Tag(name = "Approval triggers", description = "Rules that start an approval for a person a number of days before "
        + "a date in the directory (contract end, hire anniversary), once per person and date")
class ApprovalTriggerController {

    private final ApprovalTriggers triggers;

    ApprovalTriggerController(ApprovalTriggers triggers) {
        this.triggers = triggers;
    }

    @GetMapping
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "The organisation's trigger rules, each with its last run and last error")
    List<TriggerRuleView> list() {
        return triggers.list(CurrentActor.get().requireTenant());
    }

    @PostMapping
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Create a trigger rule",
            description = "400 approval.trigger_invalid names each field at fault: approval.trigger_template_unknown, "
                    + "approval.trigger_field_unknown, approval.trigger_subject_field_type (not an InnerContactField), "
                    + "approval.trigger_days_invalid (1 to 365), approval.trigger_date_field_invalid, "
                    + "approval.trigger_originator_invalid, approval.trigger_originator_user_invalid, "
                    + "approval.trigger_name_invalid, approval.trigger_value_invalid. 409 approval.trigger_limit "
                    + "beyond 50 rules. A new rule looks at today onwards: people whose date is already nearer "
                    + "than daysBefore are not started.")
    ResponseEntity<TriggerRuleView> create(@RequestBody TriggerRuleRequest request) {
        TriggerRuleView rule = triggers.create(CurrentActor.get().requireTenant(), request.rule());
        return ResponseEntity.created(URI.create("/api/v1/approval-triggers/" + rule.id())).body(rule);
    }

    @GetMapping("/{ruleId}")
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "One trigger rule")
    TriggerRuleView get(@PathVariable long ruleId) {
        return triggers.get(CurrentActor.get().requireTenant(), ruleId);
    }

    @PutMapping("/{ruleId}")
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Replace a trigger rule's settings; what it already started stays started",
            description = "The same validation as creating.")
    TriggerRuleView update(@PathVariable long ruleId, @RequestBody TriggerRuleRequest request) {
        return triggers.update(CurrentActor.get().requireTenant(), ruleId, request.rule());
    }

    @DeleteMapping("/{ruleId}")
    @RequiresScope(Scope.APPROVAL_WRITE)
    @Operation(summary = "Delete a trigger rule; approvals it started go on")
    ResponseEntity<Void> delete(@PathVariable long ruleId) {
        triggers.delete(CurrentActor.get().requireTenant(), ruleId);
        return ResponseEntity.noContent().build();
    }

    @Schema(name = "ApprovalTriggerRequest", example = """
            {"name": "Salary review before contract end", "processCode": "PROC-1A2B3C", "dateField": "CONTRACT_END",
             "daysBefore": 14, "originator": "MANAGER", "subjectField": "employee",
             "fixedValues": {"reason": "Contract renewal"}, "enabled": true}""")
    record TriggerRuleRequest(
            @Schema(description = "1 to 100 characters") String name,
            @Schema(description = "The template to start") String processCode,
            @Schema(description = "CONTRACT_END or HIRE_ANNIVERSARY") String dateField,
            @Schema(description = "1 to 365") Integer daysBefore,
            @Schema(description = "SUBJECT, MANAGER or USER") String originator,
            @Schema(description = "With originator USER: the active person who submits") String originatorUserId,
            @Schema(description = "The id of the form's InnerContactField that receives the person") String subjectField,
            @Schema(description = "Values for other fields, by component id, in DingTalk's string encoding")
            java.util.Map<String, String> fixedValues,
            @Schema(description = "Default true") Boolean enabled) {

        TriggerRule rule() {
            return new TriggerRule(name, processCode, dateField, daysBefore, originator, originatorUserId,
                    subjectField, fixedValues, enabled);
        }
    }
}
