package hk.lantau.compat.web;

import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.NewInstance;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's old approval API ({@code /topapi/processinstance/...} and
 * {@code /topapi/process/instance/terminate}) over the approval module, as the app. Lantau's
 * templates decide their own approvers: approvers named by the caller are refused, and
 * {@code cc_list} without them is ignored, as DingTalk ignores it.
 */
@RestController
class ProcessInstanceController {

    /** DingTalk's largest {@code userid_list} of {@code listids}. */
    private static final int MAX_ORIGINATORS = 10;

    private final ApprovalInstances instances;
    private final DingTalkApprovals wire;

    ProcessInstanceController(ApprovalInstances instances, DingTalkApprovals wire) {
        this.instances = instances;
        this.wire = wire;
    }

    @RequiresScope(Scope.APPROVAL_WRITE)
    @PostMapping("/topapi/processinstance/create")
    ResponseEntity<Map<String, Object>> create(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_MANAGE).requireTenant();
        String processCode = body.requireText("process_code");
        String originator = body.requireText("originator_user_id");
        Long department = DingTalkApprovals.department(body.number("dept_id"));
        if (namesApprovers(body.texts("approvers")) || namesApprovers(body.objects("approvers_v2"))) {
            throw approversRefused();
        }
        var values = wire.formValues(tenantId, processCode, body.objects("form_component_values"), "ext_value",
                "form_component_values");
        InstanceView created = instances.submit(tenantId, new NewInstance(processCode, originator, department, values,
                null, null, null));
        return OldReply.with(Map.of("process_instance_id", created.instanceId()));
    }

    @RequiresScope(Scope.APPROVAL_READ)
    @PostMapping("/topapi/processinstance/get")
    ResponseEntity<Map<String, Object>> get(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_READ).requireTenant();
        InstanceView view = instances.get(tenantId, body.requireText("process_instance_id"));
        return OldReply.with(Map.of("process_instance", wire.oldInstance(tenantId, view)));
    }

    @RequiresScope(Scope.APPROVAL_READ)
    @PostMapping("/topapi/processinstance/listids")
    ResponseEntity<Map<String, Object>> listIds(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_READ).requireTenant();
        String processCode = body.requireText("process_code");
        long start = body.requireNumber("start_time");
        Long end = body.number("end_time");
        if (start < 0 || (end != null && end < start)) {
            throw DingTalkException.invalidParameter(end == null ? "start_time" : "end_time");
        }
        int size = body.number("size", 10, 1, DingTalkApprovals.MAX_IDS);
        long cursor = body.number("cursor", 0, 0, Integer.MAX_VALUE);
        List<String> originators = body.texts("userid_list");
        if (originators != null && originators.size() > MAX_ORIGINATORS) {
            throw DingTalkException.invalidParameter("userid_list");
        }
        var page = wire.ids(tenantId, processCode, start, end, originators, null, cursor, size);
        return OldReply.result(Wire.object().put("list", page.ids()).put("next_cursor", page.next()).map());
    }

    @RequiresScope(Scope.APPROVAL_WRITE)
    @PostMapping("/topapi/process/instance/terminate")
    ResponseEntity<Map<String, Object>> terminate(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_MANAGE).requireTenant();
        DingTalkRequest request = body.object("request");
        if (request == null) {
            throw DingTalkException.missingParameter("request");
        }
        String instanceId = request.requireText("process_instance_id");
        Boolean system = request.bool("is_system");
        if (system == null) {
            throw DingTalkException.missingParameter("is_system");
        }
        String operator = request.text("operating_userid");
        InstanceView view = instances.get(tenantId, instanceId);
        if (!system) {
            if (operator == null || operator.isBlank()) {
                throw DingTalkException.missingParameter("operating_userid");
            }
            // DingTalk lets only the originator revoke when the system does not.
            if (!operator.strip().equals(view.originatorUserId())) {
                throw DingTalkException.business(400002, "operating_userid: only the originator may revoke the "
                        + "approval; set is_system to end it as the app", 400, "invalidParameter");
            }
        }
        instances.terminate(tenantId, instanceId, request.text("remark"));
        return OldReply.with(Map.of("result", true, "success", true));
    }

    /** Whether the caller named approvers, which Lantau's templates decide themselves. */
    static boolean namesApprovers(List<?> approvers) {
        return approvers != null && !approvers.isEmpty();
    }

    static DingTalkException approversRefused() {
        return DingTalkException.business(400002, "approvers: Lantau's approval templates decide their approvers; "
                + "leave approvers out (steps where the originator chooses take targetSelectActioners on "
                + "/v1.0/workflow/processInstances)", 400, "invalidParameter");
    }
}
