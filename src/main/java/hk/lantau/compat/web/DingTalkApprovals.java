package hk.lantau.compat.web;

import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormValue;
import hk.lantau.approval.InstanceQuery;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceSummary;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.OperationRecord;
import hk.lantau.approval.OperationType;
import hk.lantau.approval.TaskStatus;
import hk.lantau.approval.TaskView;
import hk.lantau.approval.TemplateView;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Approvals in DingTalk's two shapes: the old family's {@code process_instance} (snake_case, times
 * as {@code yyyy-MM-dd HH:mm:ss} in the organisation's zone) and {@code /v1.0/workflow}'s camelCase
 * result (times as {@code yyyy-MM-dd'T'HH:mm'Z'} in UTC, as DingTalk answers them). Also what both
 * families share: form values resolved against the template as DingTalk names them, DingTalk's
 * root department {@code -1}, and instance ids paged by an offset cursor.
 */
@Component
class DingTalkApprovals {

    /** DingTalk's name for the root department in approvals. */
    static final long DINGTALK_ROOT = -1L;
    /** DingTalk's largest page of instance ids. */
    static final int MAX_IDS = 20;

    private static final DateTimeFormatter OLD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter NEW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);
    /** How many instances one search call reads while skipping to an offset. */
    private static final int SEARCH_PAGE = 100;

    private final ApprovalTemplates templates;
    private final ApprovalInstances instances;
    private final Departments departments;
    private final DingTalkUsers users;

    DingTalkApprovals(ApprovalTemplates templates, ApprovalInstances instances, Departments departments,
                      DingTalkUsers users) {
        this.templates = templates;
        this.instances = instances;
        this.departments = departments;
        this.users = users;
    }

    /** DingTalk's department id for a submission: {@code -1} is the root. */
    static Long department(Long dingTalkId) {
        return dingTalkId != null && dingTalkId == DINGTALK_ROOT ? Long.valueOf(Directory.ROOT_DEPARTMENT_ID) : dingTalkId;
    }

    /**
     * Form values as DingTalk sends them, each naming its component by {@code id}, by its label
     * ({@code name}) or by {@code bizAlias}; a date range may be named by the JSON array of its
     * start and end labels. Values that are JSON arrays or objects are taken as their JSON text.
     */
    List<FormValue> formValues(long tenantId, String processCode, List<DingTalkRequest> items, String extKey,
                               String field) {
        if (items == null || items.isEmpty()) {
            throw DingTalkException.missingParameter(field);
        }
        List<FormComponent> form = templates.get(tenantId, processCode).definition().form();
        List<FormValue> values = new ArrayList<>(items.size());
        for (DingTalkRequest item : items) {
            String id = item.text("id");
            String name = item.text("name");
            String alias = item.text("bizAlias");
            if (id == null && alias != null) {
                id = form.stream().filter(c -> alias.equals(c.bizAlias())).map(FormComponent::id).findFirst()
                        .orElse(null);
            }
            if (id == null && name != null && name.strip().startsWith("[")) {
                id = dateRange(form, name);
            }
            values.add(new FormValue(id, id == null ? name : null, item.json("value"), item.json(extKey)));
        }
        return values;
    }

    /** The date range whose label is one of the labels DingTalk sends as {@code ["Start","End"]}. */
    private static String dateRange(List<FormComponent> form, String names) {
        for (FormComponent component : form) {
            if (component.type() == ComponentType.DDDateRangeField
                    && (names.contains("\"" + component.label() + "\"") || names.equals(component.label()))) {
                return component.id();
            }
        }
        return null;
    }

    /** The old family's {@code process_instance}. */
    Map<String, Object> oldInstance(long tenantId, InstanceView view) {
        ZoneId zone = users.zone(tenantId);
        List<Map<String, Object>> values = new ArrayList<>();
        for (InstanceView.SubmittedValue value : view.formValues()) {
            values.add(Wire.object().put("id", value.id()).put("name", value.name()).put("value", value.value())
                    .put("ext_value", value.extValue()).put("component_type", componentType(value)).map());
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (OperationRecord record : view.operationRecords()) {
            records.add(Wire.object().put("userid", record.userId()).put("date", oldTime(record.date(), zone))
                    .put("operation_type", operationType(record.type()))
                    .put("operation_result", record.result() == null ? "NONE" : record.result().name())
                    .put("remark", record.remark())
                    .put("attachments", record.attachments().isEmpty() ? null : attachments(record, true))
                    .map());
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskView task : view.tasks()) {
            tasks.add(Wire.object().put("taskid", String.valueOf(task.taskId())).put("userid", task.userId())
                    .put("task_status", taskStatus(task.status())).put("task_result", taskResult(task))
                    .put("create_time", oldTime(task.createTime(), zone))
                    .put("finish_time", oldTime(task.finishTime(), zone))
                    .put("activity_id", task.activityId()).map());
        }
        return Wire.object()
                .put("title", view.title())
                .put("create_time", oldTime(view.createTime(), zone))
                .put("finish_time", oldTime(view.finishTime(), zone))
                .put("originator_userid", view.originatorUserId())
                .put("originator_dept_id", departmentId(view))
                .put("originator_dept_name", departmentName(tenantId, view))
                .put("status", view.status().name())
                .put("result", view.result() == null ? null : view.result().wire())
                .put("biz_action", "NONE")
                .put("approver_userids", view.approverUserIds())
                .put("cc_userids", view.ccUserIds())
                .put("attached_process_instance_ids", List.of())
                .put("form_component_values", values)
                .put("operation_records", records)
                .put("tasks", tasks)
                .map();
    }

    /** {@code /v1.0/workflow/processInstances}' {@code result}. */
    Map<String, Object> newInstance(long tenantId, InstanceView view) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (InstanceView.SubmittedValue value : view.formValues()) {
            values.add(Wire.object().put("id", value.id()).put("name", value.name()).put("value", value.value())
                    .put("extValue", value.extValue()).put("componentType", componentType(value))
                    .put("bizAlias", value.bizAlias()).map());
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (OperationRecord record : view.operationRecords()) {
            records.add(Wire.object().put("userId", record.userId()).put("date", newTime(record.date()))
                    .put("type", operationType(record.type()))
                    .put("result", record.result() == null ? "NONE" : record.result().name())
                    .put("remark", record.remark())
                    .put("attachments", record.attachments().isEmpty() ? null : attachments(record, false))
                    .put("ccUserIds", record.ccUserIds().isEmpty() ? null : record.ccUserIds())
                    .put("activityId", record.activityId()).put("showName", record.showName()).map());
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskView task : view.tasks()) {
            tasks.add(Wire.object().put("taskId", task.taskId()).put("userId", task.userId())
                    .put("status", taskStatus(task.status())).put("result", taskResult(task))
                    .put("createTime", newTime(task.createTime())).put("finishTime", newTime(task.finishTime()))
                    .put("processInstanceId", task.instanceId()).put("activityId", task.activityId()).map());
        }
        return Wire.object()
                .put("title", view.title())
                .put("createTime", newTime(view.createTime()))
                .put("finishTime", newTime(view.finishTime()))
                .put("originatorUserId", view.originatorUserId())
                .put("originatorDeptId", departmentId(view))
                .put("originatorDeptName", departmentName(tenantId, view))
                // /v1.0 knows no CANCELED: a withdrawn approval is "TERMINATED" (DingTalk's 已撤销) there.
                .put("status", view.status() == InstanceStatus.CANCELED ? InstanceStatus.TERMINATED.name()
                        : view.status().name())
                .put("result", view.result() == null ? null : view.result().wire())
                .put("approverUserIds", view.approverUserIds())
                .put("ccUserIds", view.ccUserIds())
                .put("bizAction", "NONE")
                .put("attachedProcessInstanceIds", List.of())
                .put("formComponentValues", values)
                .put("operationRecords", records)
                .put("tasks", tasks)
                .map();
    }

    /** {@code /v1.0/workflow/forms/schemas/processCodes}' {@code result}: the latest version's form. */
    Map<String, Object> schema(TemplateView template) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (FormComponent component : template.definition().form()) {
            items.add(item(component));
        }
        return Wire.object()
                .put("creatorUserId", template.createdBy())
                .put("formCode", template.processCode())
                .put("name", template.definition().name())
                .put("memo", template.definition().description())
                .put("ownerIdType", "orgId")
                .put("schemaContent", Wire.object().put("title", template.definition().name()).put("items", items)
                        .map())
                .put("engineType", 0)
                .put("status", template.enabled() ? "PUBLISHED" : "INVALID")
                .put("procType", "inner")
                .put("gmtCreate", template.createdAt() == null ? null
                        : String.valueOf(template.createdAt().toEpochMilli()))
                .put("gmtModified", template.updatedAt() == null ? null
                        : String.valueOf(template.updatedAt().toEpochMilli()))
                .map();
    }

    private static Map<String, Object> item(FormComponent component) {
        Wire props = Wire.object()
                .put("id", component.id())
                .put("label", component.label())
                .put("bizAlias", component.bizAlias())
                .put("required", component.type().takesValue() ? component.required() : null)
                .put("placeholder", component.placeholder())
                .put("options", component.options().isEmpty() ? null : component.options())
                .put("format", component.format());
        List<Map<String, Object>> children = new ArrayList<>();
        for (FormComponent child : component.children()) {
            children.add(item(child));
        }
        return Wire.object().put("componentName", component.type().name()).put("props", props.map())
                .put("children", children.isEmpty() ? null : children).map();
    }

    /**
     * One page of instance ids of a template created in the window, newest first. DingTalk's
     * cursor is a number: here, how many ids earlier pages held. {@code next} is null at the end.
     */
    IdPage ids(long tenantId, String processCode, long startMillis, Long endMillis, List<String> userIds,
               List<InstanceStatus> statuses, long offset, int size) {
        templates.get(tenantId, processCode);
        InstanceQuery query = new InstanceQuery(false, processCode, statuses, userIds, Instant.ofEpochMilli(startMillis),
                endMillis == null ? null : Instant.ofEpochMilli(endMillis).plusMillis(1));
        List<String> ids = new ArrayList<>();
        long skipped = 0;
        String cursor = null;
        do {
            CursorPage<InstanceSummary> page = instances.search(tenantId, query, cursor, SEARCH_PAGE);
            for (InstanceSummary summary : page.items()) {
                if (skipped < offset) {
                    skipped++;
                } else if (ids.size() <= size) {
                    ids.add(summary.instanceId());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() <= size);
        boolean more = ids.size() > size;
        return new IdPage(more ? ids.subList(0, size) : ids, more ? offset + size : null);
    }

    record IdPage(List<String> ids, Long next) {
    }

    private static String departmentId(InstanceView view) {
        return view.originatorDepartmentId() == Directory.ROOT_DEPARTMENT_ID ? String.valueOf(DINGTALK_ROOT)
                : String.valueOf(view.originatorDepartmentId());
    }

    /** The department's current name; none once it has been deleted. */
    private String departmentName(long tenantId, InstanceView view) {
        try {
            return departments.get(tenantId, view.originatorDepartmentId()).name();
        } catch (LantauException gone) {
            return null;
        }
    }

    private static String componentType(InstanceView.SubmittedValue value) {
        return value.componentType() == null ? null : value.componentType().name();
    }

    /** Lantau's withdrawal is DingTalk's revocation, which DingTalk records as a termination. */
    private static String operationType(OperationType type) {
        return type == OperationType.REVOKE_PROCESS_INSTANCE ? OperationType.TERMINATE_PROCESS_INSTANCE.name()
                : type.name();
    }

    /** A transferred task is finished for its holder, with DingTalk's result REDIRECTED. */
    private static String taskStatus(TaskStatus status) {
        return status == TaskStatus.REDIRECTED ? TaskStatus.COMPLETED.name() : status.name();
    }

    private static String taskResult(TaskView task) {
        if (task.status() == TaskStatus.REDIRECTED) {
            return "REDIRECTED";
        }
        return task.result() == null ? "NONE" : task.result().name();
    }

    /** The old family names them {@code file_name} …, {@code /v1.0} {@code fileName} …. */
    private static List<Map<String, Object>> attachments(OperationRecord record, boolean snake) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (AttachmentRef file : record.attachments()) {
            files.add(Wire.object()
                    .put(snake ? "file_name" : "fileName", file.fileName())
                    .put(snake ? "file_size" : "fileSize", String.valueOf(file.fileSize()))
                    .put(snake ? "file_id" : "fileId", file.fileId())
                    .put(snake ? "file_type" : "fileType", file.fileType()).map());
        }
        return files;
    }

    private static String oldTime(Instant time, ZoneId zone) {
        return time == null ? null : OLD_TIME.format(time.atZone(zone));
    }

    private static String newTime(Instant time) {
        return time == null ? null : NEW_TIME.format(time);
    }

    /** {@code agree} or {@code refuse}, as DingTalk writes decisions; null for anything else. */
    static InstanceResult decision(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "agree" -> InstanceResult.AGREE;
            case "refuse" -> InstanceResult.REFUSE;
            default -> null;
        };
    }
}
