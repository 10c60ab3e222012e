package hk.lantau.compat.web;

import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalTasks;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.Decision;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.NewInstance;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DingTalk's {@code /v1.0/workflow} approval API over the approval module, as the app: start, read,
 * list ids, terminate, approve or refuse for an approver, and read a template's form schema. Missing
 * parameters answer the codes DingTalk documents for each endpoint.
 */
@RestController
class WorkflowController {

    /** DingTalk's widest window of {@code instanceIds/query}. */
    private static final Duration MAX_WINDOW = Duration.ofDays(120);
    private static final int MAX_ORIGINATORS = 10;

    private final ApprovalInstances instances;
    private final ApprovalTasks tasks;
    private final ApprovalTemplates templates;
    private final DingTalkApprovals wire;

    WorkflowController(ApprovalInstances instances, ApprovalTasks tasks, ApprovalTemplates templates,
                       DingTalkApprovals wire) {
        this.instances = instances;
        this.tasks = tasks;
        this.templates = templates;
        this.wire = wire;
    }

    @RequiresScope(Scope.APPROVAL_WRITE)
    @PostMapping("/v1.0/workflow/processInstances")
    ResponseEntity<Map<String, Object>> create(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_MANAGE).requireTenant();
        String processCode = required(body, "processCode", "invalidParameter");
        String originator = required(body, "originatorUserId", "invalidParameter");
        Long department = DingTalkApprovals.department(body.number("deptId"));
        if (ProcessInstanceController.namesApprovers(body.objects("approvers"))) {
            throw ProcessInstanceController.approversRefused();
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        List<DingTalkRequest> selected = body.objects("targetSelectActioners");
        for (DingTalkRequest choice : selected == null ? List.<DingTalkRequest>of() : selected) {
            List<String> people = choice.texts("actionerUserIds");
            choices.put(required(choice, "actionerKey", "targetSelectApproverMissing"),
                    people == null ? List.of() : people);
        }
        var values = wire.formValues(tenantId, processCode, body.objects("formComponentValues"), "extValue",
                "formComponentValues");
        InstanceView created = instances.submit(tenantId, new NewInstance(processCode, originator, department, values,
                choices, null, null));
        return reply(Map.of("instanceId", created.instanceId()));
    }

    @RequiresScope(Scope.APPROVAL_READ)
    @GetMapping("/v1.0/workflow/processInstances")
    ResponseEntity<Map<String, Object>> get(@RequestParam(name = "processInstanceId", required = false) String id) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_READ).requireTenant();
        if (id == null || id.isBlank()) {
            throw missing("processInstanceId", "processInstanceIdError");
        }
        InstanceView view = instances.get(tenantId, id.strip());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", wire.newInstance(tenantId, view));
        body.put("success", "true"); // a string in DingTalk's answer and its SDK's model
        return reply(body);
    }

    @RequiresScope(Scope.APPROVAL_READ)
    @PostMapping("/v1.0/workflow/processes/instanceIds/query")
    ResponseEntity<Map<String, Object>> instanceIds(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_READ).requireTenant();
        String processCode = required(body, "processCode", "invalidProcessCode");
        Long start = body.number("startTime");
        if (start == null || start < 0) {
            throw missing("startTime", "invalidInstanceListIdsStartTime");
        }
        Long end = body.number("endTime");
        if (end != null && (end < start || Duration.ofMillis(end - start).compareTo(MAX_WINDOW) > 0)) {
            throw DingTalkException.business(40035, "获取审批实例ID列表，审批实例结束时间不能小于开始时间；且查询时间范围不能超过120天。",
                    400, "invalidEndTime");
        }
        Long token = body.number("nextToken");
        if (token == null || token < 0) {
            throw missing("nextToken", "invalidNextToken");
        }
        Long size = body.number("maxResults");
        if (size == null || size < 1 || size > DingTalkApprovals.MAX_IDS) {
            throw DingTalkException.business(40035, "获取审批实例ID列表，分页参数非法，每页大小，最多传20。", 400,
                    "invalidMaxResults");
        }
        List<String> originators = body.texts("userIds");
        if (originators != null && originators.size() > MAX_ORIGINATORS) {
            throw DingTalkException.business(40035, "获取审批实例ID列表，发起userid列表参数非法，最大列表长度为10。", 400,
                    "invalidUserIds");
        }
        var page = wire.ids(tenantId, processCode, start, end, originators, statuses(body), token, size.intValue());
        Map<String, Object> result = Wire.object().put("list", page.ids())
                .put("nextToken", page.next() == null ? null : String.valueOf(page.next())).map();
        return reply(Map.of("result", result, "success", true));
    }

    @RequiresScope(Scope.APPROVAL_WRITE)
    @PostMapping("/v1.0/workflow/processInstances/terminate")
    ResponseEntity<Map<String, Object>> terminate(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_MANAGE).requireTenant();
        String instanceId = required(body, "processInstanceId", "invalidInstanceId");
        Boolean system = body.bool("isSystem");
        if (system == null) {
            throw missing("isSystem", "invalidInstanceTerminateIsSystem");
        }
        InstanceView view = instances.get(tenantId, instanceId);
        if (!system) {
            String operator = required(body, "operatingUserId", "invalidInstanceTerminateOperatingUserId");
            // DingTalk lets only the originator revoke when the system does not.
            if (!operator.equals(view.originatorUserId())) {
                throw DingTalkException.business(400002, "operatingUserId: only the originator may revoke the "
                        + "approval; set isSystem to end it as the app", 400, "invalidParameter");
            }
        }
        instances.terminate(tenantId, instanceId, body.text("remark"));
        return reply(Map.of("result", true, "success", true));
    }

    @RequiresScope(Scope.APPROVAL_WRITE)
    @PostMapping("/v1.0/workflow/processInstances/execute")
    ResponseEntity<Map<String, Object>> execute(DingTalkRequest body) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_MANAGE).requireTenant();
        String instanceId = required(body, "processInstanceId", "invalidInstanceId");
        Long taskId = body.number("taskId");
        if (taskId == null) {
            throw missing("taskId", "invalidInstanceExecuteTaskId");
        }
        String actioner = required(body, "actionerUserId", "invalidInstanceExecuteActionerUserId");
        InstanceResult result = DingTalkApprovals.decision(body.text("result"));
        if (result == null) {
            throw DingTalkException.business(40035, "同意拒绝审批任务，审批操作取值必填 且值必须为agree/refuse", 400,
                    "invalidInstanceExecuteResult");
        }
        DingTalkRequest file = body.object("file");
        if (file != null && (namesAny(file.texts("photos")) || namesAny(file.objects("attachments")))) {
            throw DingTalkException.business(400002, "file: Lantau keeps no DingTalk drive files; attach files "
                    + "through Lantau's own API", 400, "invalidParameter");
        }
        InstanceView view = instances.get(tenantId, instanceId);
        if (view.status() != InstanceStatus.RUNNING) {
            throw DingTalkException.business(820005, "审批单状态异常: the approval has already ended", 400,
                    "aflowProcessInstStatusException");
        }
        if (view.tasks().stream().noneMatch(task -> task.taskId() == taskId)) {
            throw DingTalkException.business(820006, "taskId: the approval has no such task", 400,
                    "aflowProcessInstCanNotBeExecuted");
        }
        tasks.decide(tenantId, taskId, new Decision(result, body.text("remark"), null, actioner));
        return reply(Map.of("result", true, "success", true));
    }

    @RequiresScope(Scope.APPROVAL_READ)
    @GetMapping("/v1.0/workflow/forms/schemas/processCodes")
    ResponseEntity<Map<String, Object>> schema(@RequestParam(name = "processCode", required = false) String code) {
        long tenantId = CurrentActor.require(Permission.APPROVAL_READ).requireTenant();
        if (code == null || code.isBlank()) {
            throw missing("processCode", "invalidParameter");
        }
        return reply(Map.of("result", wire.schema(templates.get(tenantId, code.strip()))));
    }

    private static List<InstanceStatus> statuses(DingTalkRequest body) {
        List<String> names = body.texts("statuses");
        if (names == null) {
            return null;
        }
        List<InstanceStatus> statuses = new ArrayList<>();
        for (String name : names) {
            switch (name) {
                case "RUNNING" -> statuses.add(InstanceStatus.RUNNING);
                case "COMPLETED" -> statuses.add(InstanceStatus.COMPLETED);
                // DingTalk's TERMINATED (已撤销) covers Lantau's withdrawn approvals too.
                case "TERMINATED" -> {
                    statuses.add(InstanceStatus.TERMINATED);
                    statuses.add(InstanceStatus.CANCELED);
                }
                default -> throw DingTalkException.invalidParameter("statuses");
            }
        }
        return statuses;
    }

    private static boolean namesAny(List<?> items) {
        return items != null && !items.isEmpty();
    }

    private static String required(DingTalkRequest body, String name, String code) {
        String value = body.text(name);
        if (value == null || value.isBlank()) {
            throw missing(name, code);
        }
        return value.strip();
    }

    private static DingTalkException missing(String name, String code) {
        return DingTalkException.business(40035, "缺少参数 " + name, 400, code);
    }

    private static ResponseEntity<Map<String, Object>> reply(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(CompatErrors.NEW_JSON).body(body);
    }
}
