package hk.lantau.compat;

import static hk.lantau.compat.CompatFixtures.fixture;
import static hk.lantau.compat.CompatFixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.aliyun.dingtalkworkflow_1_0.Client;
import com.aliyun.dingtalkworkflow_1_0.models.ExecuteProcessInstanceHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.ExecuteProcessInstanceRequest;
import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceRequest;
import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceResponseBody;
import com.aliyun.dingtalkworkflow_1_0.models.ListProcessInstanceIdsHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.ListProcessInstanceIdsRequest;
import com.aliyun.dingtalkworkflow_1_0.models.ListProcessInstanceIdsResponseBody;
import com.aliyun.dingtalkworkflow_1_0.models.QuerySchemaByProcessCodeHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.QuerySchemaByProcessCodeRequest;
import com.aliyun.dingtalkworkflow_1_0.models.QuerySchemaByProcessCodeResponseBody;
import com.aliyun.dingtalkworkflow_1_0.models.StartProcessInstanceHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.StartProcessInstanceRequest;
import com.aliyun.dingtalkworkflow_1_0.models.TerminateProcessInstanceHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.TerminateProcessInstanceRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;
import com.dingtalk.api.request.OapiProcessInstanceTerminateRequest;
import com.dingtalk.api.request.OapiProcessinstanceCreateRequest;
import com.dingtalk.api.request.OapiProcessinstanceGetRequest;
import com.dingtalk.api.request.OapiProcessinstanceListidsRequest;
import com.dingtalk.api.response.OapiProcessInstanceTerminateResponse;
import com.dingtalk.api.response.OapiProcessinstanceCreateResponse;
import com.dingtalk.api.response.OapiProcessinstanceGetResponse;
import com.dingtalk.api.response.OapiProcessinstanceListidsResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's approval API, old ({@code /topapi/processinstance/...}) and new ({@code /v1.0/workflow/...}),
 * through the official SDKs' request and response classes: approvals started, read, listed,
 * decided and ended over the approval module, checked against the documentation's examples, and
 * every refusal in DingTalk's codes with nothing changed, another organisation's objects included.
 */
class CompatApprovalsApiTest extends CompatApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private Org org;
    private String originator;
    private String approver;
    private String copied;
    private String leave;
    private String writer;
    private String reader;
    private Client tea;

    @BeforeEach
    void organisation() throws Exception {
        org = newOrganisation();
        originator = createUser(org.admin(), "Chan Tai Man", 1L);
        approver = createUser(org.admin(), "Lee Siu Ming", 1L);
        copied = createUser(org.admin(), "Wong Ka Yan", 1L);
        leave = template(org, json("name", "Annual leave",
                "form", List.of(
                        json("id", "reason", "type", "TextField", "label", "Reason", "required", true,
                                "bizAlias", "leaveReason"),
                        json("id", "days", "type", "NumberField", "label", "Days", "required", false)),
                "process", List.of(approverStep("lead", approver), ccStep("payroll", copied))));
        writer = token(register(org, "approval.read", "approval.write"));
        reader = token(register(org, "approval.read"));
        tea = new Client(teaConfig());
    }

    @Test
    void theDocumentedOldCreateRequestStartsAnApprovalReadBackInDingTalksShape() throws IOException {
        String form = template(org, json("name", "Documented form", "form", List.of(
                json("id", "t1", "type", "TextField", "label", "单行输入框", "required", true),
                json("id", "t2", "type", "TextareaField", "label", "多行输入框"),
                json("id", "money", "type", "MoneyField", "label", "金额（元）大写"),
                json("id", "num", "type", "NumberField", "label", "数字输入框"),
                json("id", "single", "type", "DDSelectField", "label", "单选框", "options", List.of("a", "b")),
                json("id", "multi", "type", "DDMultiSelectField", "label", "多选框", "options", List.of("a", "b")),
                json("id", "date", "type", "DDDateField", "label", "日期"),
                json("id", "range", "type", "DDDateRangeField", "label", "开始时间"),
                json("id", "contact", "type", "InnerContactField", "label", "联系人"),
                json("id", "rows", "type", "TableField", "label", "明细", "children", List.of(
                        json("id", "rowText", "type", "TextField", "label", "单行输入框"),
                        json("id", "rowNum", "type", "NumberField", "label", "数字输入框")))),
                "process", List.of(approverStep("lead", approver))));
        ObjectNode body = (ObjectNode) fixture("processinstance-create.request.json").get("body").deepCopy();
        body.put("process_code", form);
        body.put("originator_user_id", originator);
        body.put("dept_id", -1);
        body.put("cc_list", copied);
        long before = instances();

        // As documented, with approvers_v2: Lantau's templates decide their approvers.
        var refused = postJson("/topapi/processinstance/create", writer, body.toString());
        assertThat(refused.json().get("errcode").asInt()).as(refused.body()).isEqualTo(400002);
        assertThat(refused.json().get("errmsg").asText()).contains("approvers");
        assertThat(instances()).isEqualTo(before);

        body.remove("approvers_v2");
        ArrayNode values = documentedValues(body.get("form_component_values"), List.of("图片", "附件", "关联审批单"));
        body.set("form_component_values", values);
        var created = postJson("/topapi/processinstance/create", writer, body.toString());
        assertThat(created.json().get("errcode").asInt()).as(created.body()).isZero();
        DocumentedAnswer.of("processinstance-create.response.json").assertCarriedBy(created.json());
        String instanceId = created.json().get("process_instance_id").asText();
        var documentedGet = sendDocumented("processinstance-get.request.json", writer,
                Map.of("process_instance_id", instanceId));
        assertThat(documentedGet.json().get("process_instance").get("title").asText()).as(documentedGet.body())
                .isNotBlank();

        OapiProcessinstanceGetResponse.ProcessInstanceTopVo instance = get(writer, instanceId).getProcessInstance();
        assertThat(instance.getOriginatorDeptId()).isEqualTo("-1");
        assertThat(instance.getCcUserids()).as("cc_list without approvers is ignored, as DingTalk ignores it")
                .isNullOrEmpty();
        Map<String, String> byId = new java.util.HashMap<>();
        instance.getFormComponentValues().forEach(v -> byId.put(v.getId(), v.getValue()));
        assertThat(byId).containsEntry("range", "[\"2019-02-19\",\"2019-02-25\"]").containsEntry("multi", "[\"a\",\"b\"]")
                .containsEntry("contact", "[\"" + approver + "\"]");
        assertThat(byId.get("rows")).contains("明细单行输入框");
        assertThat(instance.getFormComponentValues()).filteredOn(v -> v.getId().equals("rows"))
                .extracting(OapiProcessinstanceGetResponse.FormComponentValueVo::getComponentType)
                .containsExactly("TableField");
    }

    @Test
    void oldApprovalsAreStartedReadListedAndTerminatedThroughTheSdk() throws IOException {
        Instant start = clock.instant().minus(1, ChronoUnit.DAYS);
        OapiProcessinstanceCreateResponse created = create(writer, leave, originator, List.of(
                formValue("Reason", "Family trip"), formValue("Days", "3")));
        assertThat(created.isSuccess()).as(created.getBody()).isTrue();
        String instanceId = created.getProcessInstanceId();

        OapiProcessinstanceGetResponse response = get(reader, instanceId);
        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        OapiProcessinstanceGetResponse.ProcessInstanceTopVo instance = response.getProcessInstance();
        assertThat(instance.getStatus()).isEqualTo("RUNNING");
        assertThat(instance.getResult()).isNull();
        assertThat(instance.getOriginatorUserid()).isEqualTo(originator);
        assertThat(instance.getOriginatorDeptId()).isEqualTo("-1");
        assertThat(instance.getOriginatorDeptName()).isNotBlank();
        assertThat(instance.getBizAction()).isEqualTo("NONE");
        assertThat(instance.getCcUserids()).as("copied once the approver agrees").isNullOrEmpty();
        assertThat(instance.getFormComponentValues()).extracting(
                OapiProcessinstanceGetResponse.FormComponentValueVo::getName,
                OapiProcessinstanceGetResponse.FormComponentValueVo::getValue,
                OapiProcessinstanceGetResponse.FormComponentValueVo::getComponentType)
                .containsExactly(tuple("Reason", "Family trip", "TextField"),
                        tuple("Days", "3", "NumberField"));
        assertThat(instance.getOperationRecords()).extracting(
                OapiProcessinstanceGetResponse.OperationRecordsVo::getOperationType)
                .contains("START_PROCESS_INSTANCE");
        assertThat(instance.getOperationRecords().get(0).getOperationResult()).isEqualTo("NONE");
        assertThat(instance.getTasks()).hasSize(1);
        OapiProcessinstanceGetResponse.TaskTopVo task = instance.getTasks().get(0);
        assertThat(task.getUserid()).isEqualTo(approver);
        assertThat(task.getTaskStatus()).isEqualTo("RUNNING");
        assertThat(task.getTaskResult()).isEqualTo("NONE");
        assertThat(task.getActivityId()).isEqualTo("lead");
        // "yyyy-MM-dd HH:mm:ss", which the SDK reads as GMT+8: Hong Kong's wall clock.
        JsonNode raw = JSON.readTree(response.getBody()).get("process_instance");
        assertThat(raw.get("create_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(LocalDateTime.parse(raw.get("create_time").asText().replace(' ', 'T')).atZone(HONG_KONG)
                .toInstant()).isEqualTo(instance.getCreateTime().toInstant());
        Set<String> documented = names(fixture("processinstance-get.response.json").get("body")
                .get("process_instance"));
        documented.add("approver_userids"); // in the documented field table
        assertThat(names(raw)).isSubsetOf(documented);
        Set<String> taskFields = names(fixture("processinstance-get.response.json").get("body")
                .get("process_instance").get("tasks").get(0));
        taskFields.add("create_time"); // in the documented field table
        assertThat(names(raw.get("tasks").get(0))).isSubsetOf(taskFields);

        String second = create(writer, leave, originator, List.of(formValue("Reason", "Wedding"))).getProcessInstanceId();
        OapiProcessinstanceListidsRequest list = new OapiProcessinstanceListidsRequest();
        list.setProcessCode(leave);
        list.setStartTime(start.toEpochMilli());
        list.setCursor(0L);
        list.setSize(1L);
        OapiProcessinstanceListidsResponse first = call("/topapi/processinstance/listids", list, reader);
        assertThat(first.isSuccess()).as(first.getBody()).isTrue();
        assertThat(first.getResult().getList()).hasSize(1);
        assertThat(first.getResult().getNextCursor()).isEqualTo(1L);
        list.setCursor(first.getResult().getNextCursor());
        OapiProcessinstanceListidsResponse last = call("/topapi/processinstance/listids", list, reader);
        assertThat(last.getResult().getList()).hasSize(1);
        assertThat(last.getResult().getNextCursor()).isNull();
        assertThat(List.of(first.getResult().getList().get(0), last.getResult().getList().get(0)))
                .containsExactlyInAnyOrder(instanceId, second);
        assertThat(names(JSON.readTree(last.getBody()))).isEqualTo(
                names(fixture("processinstance-listids.response.json").get("body")));
        var documentedList = sendDocumented("processinstance-listids.request.json", reader, Map.of("process_code",
                leave, "start_time", start.toEpochMilli(), "end_time", clock.instant().plusSeconds(60).toEpochMilli(),
                "userid_list", originator));
        assertThat(documentedList.json().get("errcode").asInt()).as(documentedList.body()).isZero();
        assertThat(texts(documentedList.json().get("result").get("list"), null))
                .containsExactlyInAnyOrder(instanceId, second);
        list.setCursor(0L);
        list.setSize(20L);
        list.setUseridList(approver);
        assertThat(call("/topapi/processinstance/listids", list, reader).getResult().getList()).isEmpty();
        list.setUseridList(null);
        list.setEndTime(start.toEpochMilli() + 1);
        assertThat(call("/topapi/processinstance/listids", list, reader).getResult().getList()).isEmpty();

        OapiProcessInstanceTerminateResponse terminated = terminate(writer, instanceId, true, null);
        assertThat(terminated.isSuccess()).as(terminated.getBody()).isTrue();
        assertThat(terminated.getResult()).isTrue();
        assertThat(names(JSON.readTree(terminated.getBody())))
                .isEqualTo(names(fixture("process-instance-terminate.response.json").get("body")));
        OapiProcessinstanceGetResponse.ProcessInstanceTopVo ended = get(reader, instanceId).getProcessInstance();
        assertThat(ended.getStatus()).isEqualTo("TERMINATED");
        assertThat(ended.getFinishTime()).isNotNull();
        assertThat(ended.getOperationRecords()).extracting(
                OapiProcessinstanceGetResponse.OperationRecordsVo::getOperationType)
                .contains("TERMINATE_PROCESS_INSTANCE");

        // Already ended: DingTalk's bad instance state.
        assertThat(terminate(writer, instanceId, true, null).getErrcode()).isEqualTo(820005L);
        // Not by the system: only the originator revokes.
        OapiProcessInstanceTerminateResponse notOriginator = terminate(writer, second, false, approver);
        assertThat(notOriginator.getErrcode()).isEqualTo(400002L);
        assertThat(get(reader, second).getProcessInstance().getStatus()).isEqualTo("RUNNING");
        assertThat(terminate(writer, second, false, originator).isSuccess()).isTrue();
        assertThat(get(reader, second).getProcessInstance().getStatus()).isEqualTo("TERMINATED");

        var documentedTerminate = fixture("process-instance-terminate.request.json").get("body");
        ObjectNode request = documentedTerminate.deepCopy();
        ((ObjectNode) request.get("request")).put("process_instance_id", "no-such-instance");
        var unknown = postJson("/topapi/process/instance/terminate", writer, request.toString());
        assertThat(unknown.json().get("errcode").asInt()).isEqualTo(820004);
    }

    @Test
    void newApprovalsAreStartedDecidedAndReadThroughTheTeaSdk() throws Exception {
        StartProcessInstanceRequest start = new StartProcessInstanceRequest()
                .setProcessCode(leave).setOriginatorUserId(originator).setDeptId(-1L)
                .setFormComponentValues(List.of(
                        new StartProcessInstanceRequest.StartProcessInstanceRequestFormComponentValues()
                                .setBizAlias("leaveReason").setName("ignored when the alias names it")
                                .setValue("Family trip"),
                        new StartProcessInstanceRequest.StartProcessInstanceRequestFormComponentValues()
                                .setId("days").setName("Days").setValue("2")));
        String instanceId = tea.startProcessInstanceWithOptions(start, headers(new StartProcessInstanceHeaders(),
                writer), new RuntimeOptions()).getBody().getInstanceId();
        assertThat(instanceId).isNotBlank();

        GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResult result = teaGet(reader, instanceId);
        assertThat(result.getStatus()).isEqualTo("RUNNING");
        assertThat(result.getOriginatorDeptId()).isEqualTo("-1");
        assertThat(result.getCreateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ");
        assertThat(result.getFormComponentValues()).extracting(
                GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResultFormComponentValues::getValue)
                .containsExactly("Family trip", "2");
        assertThat(result.getFormComponentValues().get(0).getBizAlias()).isEqualTo("leaveReason");
        assertThat(result.getTasks()).hasSize(1);
        long taskId = result.getTasks().get(0).getTaskId();
        assertThat(result.getTasks().get(0).getProcessInstanceId()).isEqualTo(instanceId);
        var documentedGet = sendDocumented("workflow-instance-get.request.json", reader,
                Map.of("processInstanceId", instanceId));
        assertThat(documentedGet.status()).as(documentedGet.body()).isEqualTo(200);
        JsonNode raw = documentedGet.json();
        JsonNode documented = fixture("workflow-instance-get.response.json").get("body");
        assertThat(names(raw)).isEqualTo(names(documented));
        assertThat(names(raw.get("result"))).isSubsetOf(names(documented.get("result")));
        assertThat(names(raw.get("result").get("tasks").get(0)))
                .isSubsetOf(names(documented.get("result").get("tasks").get(0)));
        assertThat(names(raw.get("result").get("operationRecords").get(0)))
                .isSubsetOf(names(documented.get("result").get("operationRecords").get(0)));

        // Only the task's approver decides it.
        assertTea(() -> execute(writer, instanceId, taskId, copied, "agree"), 400, "needAuth");
        assertTea(() -> execute(writer, instanceId, taskId, approver, "maybe"), 400, "invalidInstanceExecuteResult");
        assertTea(() -> execute(writer, instanceId, taskId + 1_000_000, approver, "agree"), 400,
                "aflowProcessInstCanNotBeExecuted");
        // As documented, with a file: Lantau attaches no files through this endpoint (docs/compat.md).
        var withFile = sendDocumented("workflow-instance-execute.request.json", writer, Map.of("processInstanceId",
                instanceId, "actionerUserId", approver, "taskId", taskId));
        assertThat(withFile.status()).as(withFile.body()).isEqualTo(400);
        assertThat(withFile.json().get("code").asText()).isEqualTo("invalidParameter");
        assertThat(teaGet(reader, instanceId).getStatus()).isEqualTo("RUNNING");
        var executed = execute(writer, instanceId, taskId, approver, "agree");
        assertThat(executed.getBody().getResult()).isTrue();
        assertThat(executed.getBody().getSuccess()).isTrue();
        GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResult done = teaGet(reader, instanceId);
        assertThat(done.getStatus()).isEqualTo("COMPLETED");
        assertThat(done.getResult()).isEqualTo("agree");
        assertThat(done.getTasks().get(0).getStatus()).isEqualTo("COMPLETED");
        assertThat(done.getTasks().get(0).getResult()).isEqualTo("AGREE");
        assertThat(done.getOperationRecords()).extracting(
                GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResultOperationRecords::getType)
                .contains("START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL", "PROCESS_CC");
        assertThat(done.getCcUserIds()).containsExactly(copied);

        // A finished approval: DingTalk's bad instance state.
        assertTea(() -> execute(writer, instanceId, taskId, approver, "refuse"), 400,
                "aflowProcessInstStatusException");
        assertTea(() -> teaTerminate(writer, instanceId, true, null), 400, "aflowProcessInstStatusException");
        assertThat(teaGet(reader, instanceId).getResult()).isEqualTo("agree");
    }

    @Test
    void instanceIdsAreListedAndApprovalsTerminatedThroughTheTeaSdk() throws Exception {
        long start = clock.instant().minus(1, ChronoUnit.HOURS).toEpochMilli();
        String first = create(writer, leave, originator, List.of(formValue("Reason", "One"))).getProcessInstanceId();
        String second = create(writer, leave, originator, List.of(formValue("Reason", "Two"))).getProcessInstanceId();
        assertThat(teaTerminate(writer, first, false, originator).getBody().getResult()).isTrue();

        ListProcessInstanceIdsResponseBody page = listIds(reader, new ListProcessInstanceIdsRequest()
                .setProcessCode(leave).setStartTime(start).setNextToken(0L).setMaxResults(1L));
        assertThat(page.getSuccess()).isTrue();
        assertThat(page.getResult().getList()).hasSize(1);
        assertThat(page.getResult().getNextToken()).isEqualTo("1");
        ListProcessInstanceIdsResponseBody next = listIds(reader, new ListProcessInstanceIdsRequest()
                .setProcessCode(leave).setStartTime(start).setNextToken(1L).setMaxResults(1L));
        assertThat(next.getResult().getList()).hasSize(1);
        assertThat(next.getResult().getNextToken()).isNull();
        assertThat(List.of(page.getResult().getList().get(0), next.getResult().getList().get(0)))
                .containsExactlyInAnyOrder(first, second);
        ListProcessInstanceIdsResponseBody terminated = listIds(reader, new ListProcessInstanceIdsRequest()
                .setProcessCode(leave).setStartTime(start).setNextToken(0L).setMaxResults(20L)
                .setStatuses(List.of("TERMINATED")).setUserIds(List.of(originator)));
        assertThat(terminated.getResult().getList()).containsExactly(first);
        var documentedIds = sendDocumented("workflow-instance-ids.request.json", reader, Map.of("processCode", leave,
                "startTime", start, "endTime", clock.instant().plusSeconds(60).toEpochMilli(), "userIds",
                List.of(originator)));
        assertThat(documentedIds.status()).as(documentedIds.body()).isEqualTo(200);
        assertThat(texts(documentedIds.json().get("result").get("list"), null)).containsExactly(second);
        var rawPage = newApi(reader).post("/v1.0/workflow/processes/instanceIds/query", json("processCode", leave,
                "startTime", start, "nextToken", 0, "maxResults", 1));
        JsonNode documentedPage = fixture("workflow-instance-ids.response.json").get("body");
        assertThat(names(rawPage.json())).isEqualTo(names(documentedPage));
        assertThat(names(rawPage.json().get("result"))).isEqualTo(names(documentedPage.get("result")));

        ListProcessInstanceIdsRequest tooWide = new ListProcessInstanceIdsRequest().setProcessCode(leave)
                .setStartTime(start).setEndTime(start + ChronoUnit.DAYS.getDuration().toMillis() * 121)
                .setNextToken(0L).setMaxResults(10L);
        assertTea(() -> listIds(reader, tooWide), 400, "invalidEndTime");
        assertTea(() -> listIds(reader, new ListProcessInstanceIdsRequest().setProcessCode(leave).setStartTime(start)
                .setNextToken(0L).setMaxResults(21L)), 400, "invalidMaxResults");
        assertTea(() -> listIds(reader, new ListProcessInstanceIdsRequest().setProcessCode(leave)
                .setNextToken(0L).setMaxResults(5L)), 400, "invalidInstanceListIdsStartTime");
        assertTea(() -> listIds(reader, new ListProcessInstanceIdsRequest().setProcessCode(leave).setStartTime(start)
                .setMaxResults(5L)), 400, "invalidNextToken");

        assertTea(() -> teaTerminate(writer, second, null, null), 400, "invalidInstanceTerminateIsSystem");
        assertTea(() -> teaTerminate(writer, second, false, null), 400, "invalidInstanceTerminateOperatingUserId");
        assertThat(teaGet(reader, second).getStatus()).isEqualTo("RUNNING");
        var ended = sendDocumented("workflow-instance-terminate.request.json", writer, Map.of("processInstanceId",
                second, "operatingUserId", originator));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        DocumentedAnswer.of(fixture("workflow-instance-terminate.response.json").get("body"))
                .assertCarriedBy(ended.json());
        assertThat(teaGet(reader, second).getStatus()).isEqualTo("TERMINATED");
    }

    @Test
    void theFormSchemaIsTheTemplatesFormInDingTalksComponents() throws Exception {
        String form = template(org, json("name", "Expenses", "description", "Claims for money spent",
                "form", List.of(
                        json("id", "what", "type", "DDSelectField", "label", "Kind", "required", true,
                                "options", List.of("Taxi", "Meal"), "bizAlias", "kind"),
                        json("id", "items", "type", "TableField", "label", "Items", "children", List.of(
                                json("id", "amount", "type", "MoneyField", "label", "Amount", "required", true))),
                        json("id", "note", "type", "TextNote", "label", "Keep the receipts")),
                "process", List.of(approverStep("lead", approver))));
        QuerySchemaByProcessCodeResponseBody.QuerySchemaByProcessCodeResponseBodyResult result = tea
                .querySchemaByProcessCodeWithOptions(new QuerySchemaByProcessCodeRequest().setProcessCode(form),
                        headers(new QuerySchemaByProcessCodeHeaders(), reader), new RuntimeOptions())
                .getBody().getResult();
        assertThat(result.getFormCode()).isEqualTo(form);
        assertThat(result.getName()).isEqualTo("Expenses");
        assertThat(result.getMemo()).isEqualTo("Claims for money spent");
        assertThat(result.getStatus()).isEqualTo("PUBLISHED");
        var items = result.getSchemaContent().getItems();
        assertThat(items).extracting(i -> i.getComponentName()).containsExactly("DDSelectField", "TableField",
                "TextNote");
        assertThat(items.get(0).getProps().getOptions()).containsExactly("Taxi", "Meal");
        assertThat(items.get(0).getProps().getRequired()).isTrue();
        assertThat(items.get(0).getProps().getBizAlias()).isEqualTo("kind");
        assertThat(items.get(1).getChildren()).hasSize(1);
        assertThat(items.get(1).getChildren().get(0).getComponentName()).isEqualTo("MoneyField");
        assertThat(items.get(1).getChildren().get(0).getProps().getLabel()).isEqualTo("Amount");

        var documentedSchema = sendDocumented("workflow-form-schema.request.json", reader, Map.of("processCode", form));
        assertThat(documentedSchema.status()).as(documentedSchema.body()).isEqualTo(200);
        JsonNode raw = documentedSchema.json();
        JsonNode documented = fixture("workflow-form-schema.response.json").get("body").get("result");
        assertThat(names(raw.get("result"))).isSubsetOf(names(documented));
        assertThat(names(raw.get("result").get("schemaContent").get("items").get(0).get("props")))
                .isSubsetOf(names(documented.get("schemaContent").get("items").get(0).get("props")));

        assertTea(() -> tea.querySchemaByProcessCodeWithOptions(new QuerySchemaByProcessCodeRequest()
                .setProcessCode("PROC-NOSUCHCODE"), headers(new QuerySchemaByProcessCodeHeaders(), reader),
                new RuntimeOptions()), 400, "aflowProcessCodeIsError");
    }

    @Test
    void badInputIsRefusedInDingTalksCodesAndChangesNothing() throws Exception {
        long before = instances();
        assertThat(create(writer, "PROC-NOSUCHCODE", originator, List.of(formValue("Reason", "x"))).getErrcode())
                .isEqualTo(830001L);
        OapiProcessinstanceCreateResponse missing = create(writer, leave, originator, List.of(formValue("Days", "2")));
        assertThat(missing.getErrcode()).isEqualTo(810003L);
        assertThat(missing.getErrmsg()).contains("reason");
        assertThat(create(writer, leave, originator, List.of(formValue("Reason", "x"), formValue("Days", "many")))
                .getErrcode()).isEqualTo(810003L);
        assertThat(create(writer, leave, "nobody-here", List.of(formValue("Reason", "x"))).getErrcode())
                .isEqualTo(820001L);
        OapiProcessinstanceCreateRequest named = createRequest(leave, originator, List.of(formValue("Reason", "x")));
        named.setApprovers(approver);
        assertThat(call("/topapi/processinstance/create", named, writer).getErrcode()).isEqualTo(400002L);
        var noValues = postJson("/topapi/processinstance/create", writer, "{\"process_code\":\"" + leave
                + "\",\"originator_user_id\":\"" + originator + "\",\"dept_id\":\"-1\"}");
        assertThat(noValues.json().get("errcode").asInt()).isEqualTo(40035);
        assertThat(noValues.json().get("errmsg").asText()).contains("form_component_values");

        // The scope each endpoint needs.
        OapiProcessinstanceCreateResponse scope = create(reader, leave, originator, List.of(formValue("Reason", "x")));
        assertThat(scope.getErrcode()).isEqualTo(88L);
        assertThat(scope.getSubCode()).isEqualTo("60011");
        assertTea(() -> tea.startProcessInstanceWithOptions(new StartProcessInstanceRequest().setProcessCode(leave)
                .setOriginatorUserId(originator).setFormComponentValues(List.of(
                        new StartProcessInstanceRequest.StartProcessInstanceRequestFormComponentValues()
                                .setName("Reason").setValue("x"))),
                headers(new StartProcessInstanceHeaders(), reader), new RuntimeOptions()), 403,
                "Forbidden.AccessDenied.AccessTokenPermissionDenied");
        assertTea(() -> tea.startProcessInstanceWithOptions(new StartProcessInstanceRequest()
                .setProcessCode("PROC-NOSUCHCODE").setOriginatorUserId(originator).setFormComponentValues(List.of(
                        new StartProcessInstanceRequest.StartProcessInstanceRequestFormComponentValues()
                                .setName("Reason").setValue("x"))),
                headers(new StartProcessInstanceHeaders(), writer), new RuntimeOptions()), 400,
                "aflowProcessCodeIsError");
        assertTea(() -> tea.startProcessInstanceWithOptions(new StartProcessInstanceRequest().setProcessCode(leave)
                .setOriginatorUserId(originator).setFormComponentValues(List.of(
                        new StartProcessInstanceRequest.StartProcessInstanceRequestFormComponentValues()
                                .setName("Days").setValue("2"))),
                headers(new StartProcessInstanceHeaders(), writer), new RuntimeOptions()), 400, "formConverterError");
        assertThat(instances()).isEqualTo(before);

        // Tokens: the first /v1.0 endpoint that needs one.
        assertTea(() -> tea.getProcessInstanceWithOptions(new GetProcessInstanceRequest().setProcessInstanceId("x"),
                new GetProcessInstanceHeaders(), new RuntimeOptions()), 400, "AuthenticationFailed.MissingParameter");
        assertTea(() -> teaGet("not-a-token", "x"), 400, "InvalidAuthentication");
        OapiProcessinstanceGetRequest noToken = new OapiProcessinstanceGetRequest();
        noToken.setProcessInstanceId("x");
        OapiProcessinstanceGetResponse blank = call("/topapi/processinstance/get", noToken, null);
        assertThat(blank.getErrcode()).isEqualTo(88L);
        assertThat(blank.getSubCode()).isEqualTo("40000");
        assertThat(get("not-a-token", "x").getSubCode()).isEqualTo("40014");

        assertThat(get(reader, "no-such-instance").getErrcode()).isEqualTo(820004L);
        assertTea(() -> teaGet(reader, "no-such-instance"), 400, "aflowProcessInstNotExist");
    }

    @Test
    void anotherOrganisationsApprovalsAndTemplatesAreNotFound() throws Exception {
        Org other = newOrganisation();
        String theirPerson = createUser(other.admin(), "Their Person", 1L);
        String theirApprover = createUser(other.admin(), "Their Approver", 1L);
        String theirs = template(other, json("name", "Their leave", "form", List.of(
                json("id", "reason", "type", "TextField", "label", "Reason", "required", true)),
                "process", List.of(approverStep("lead", theirApprover))));
        String theirWriter = token(register(other, "approval.read", "approval.write"));
        String theirInstance = create(theirWriter, theirs, theirPerson, List.of(formValue("Reason", "Theirs")))
                .getProcessInstanceId();
        long theirTask = teaGet(theirWriter, theirInstance).getTasks().get(0).getTaskId();

        assertThat(get(writer, theirInstance).getErrcode()).isEqualTo(820004L);
        assertTea(() -> teaGet(writer, theirInstance), 400, "aflowProcessInstNotExist");
        assertThat(terminate(writer, theirInstance, true, null).getErrcode()).isEqualTo(820004L);
        assertTea(() -> teaTerminate(writer, theirInstance, true, null), 400, "aflowProcessInstNotExist");
        assertTea(() -> execute(writer, theirInstance, theirTask, theirApprover, "agree"), 400,
                "aflowProcessInstNotExist");
        assertThat(create(writer, theirs, originator, List.of(formValue("Reason", "x"))).getErrcode())
                .isEqualTo(830001L);
        OapiProcessinstanceListidsRequest list = new OapiProcessinstanceListidsRequest();
        list.setProcessCode(theirs);
        list.setStartTime(0L);
        assertThat(call("/topapi/processinstance/listids", list, reader).getErrcode()).isEqualTo(830001L);
        assertTea(() -> listIds(reader, new ListProcessInstanceIdsRequest().setProcessCode(theirs).setStartTime(0L)
                .setNextToken(0L).setMaxResults(5L)), 400, "aflowProcessCodeIsError");
        assertTea(() -> tea.querySchemaByProcessCodeWithOptions(new QuerySchemaByProcessCodeRequest()
                .setProcessCode(theirs), headers(new QuerySchemaByProcessCodeHeaders(), reader),
                new RuntimeOptions()), 400, "aflowProcessCodeIsError");

        GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResult unchanged = teaGet(theirWriter,
                theirInstance);
        assertThat(unchanged.getStatus()).isEqualTo("RUNNING");
        assertThat(unchanged.getTasks().get(0).getStatus()).isEqualTo("RUNNING");
    }

    @Test
    void theDocumentedNewCreateRequestStartsAnApproval() {
        String form = template(org, json("name", "Documented form", "form", List.of(
                json("id", "t1", "type", "TextField", "label", "单行输入框", "required", true),
                json("id", "t2", "type", "TextareaField", "label", "多行输入框"),
                json("id", "num", "type", "NumberField", "label", "数字输入框"),
                json("id", "single", "type", "DDSelectField", "label", "单选框", "options", List.of("选项1", "选项2")),
                json("id", "multi", "type", "DDMultiSelectField", "label", "多选框", "options", List.of("选项1", "选项2")),
                json("id", "date", "type", "DDDateField", "label", "日期"),
                json("id", "range", "type", "DDDateRangeField", "label", "开始时间"),
                json("id", "rows", "type", "TableField", "label", "表格", "children", List.of(
                        json("id", "rowText", "type", "TextField", "label", "单行输入框"),
                        json("id", "rowNum", "type", "NumberField", "label", "数字输入框"))),
                json("id", "money", "type", "MoneyField", "label", "金额（元）"),
                json("id", "contact", "type", "InnerContactField", "label", "联系人"),
                json("id", "dept", "type", "DepartmentField", "label", "部门")),
                "process", List.of(approverStep("pick", json("kind", "ORIGINATOR_CHOICE",
                        "choiceKey", "manual_f953_8c70_xxxx_7ffa")))));
        ObjectNode body = (ObjectNode) fixture("workflow-instance-create.request.json").get("json").deepCopy();
        body.put("processCode", form);
        body.put("originatorUserId", originator);
        ((ObjectNode) body.get("targetSelectActioners").get(0)).set("actionerUserIds",
                JSON.createArrayNode().add(approver));
        body.set("ccList", JSON.createArrayNode().add(copied));
        long before = instances();

        // As documented, with approvers: Lantau's templates decide their approvers.
        var refused = newApi(writer).sendRaw("POST", "/v1.0/workflow/processInstances", body.toString(),
                "application/json");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("invalidParameter");
        assertThat(instances()).isEqualTo(before);

        body.remove("approvers");
        ArrayNode values = documentedValues(body.get("formComponentValues"),
                List.of("[\"当前时间\",\"当前地点\"]", "图片", "附件", "关联审批单", "电话", "省市区", "评分"));
        body.set("formComponentValues", values);
        var created = newApi(writer).sendRaw("POST", "/v1.0/workflow/processInstances", body.toString(),
                "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        DocumentedAnswer.of("workflow-instance-create.response.json").assertCarriedBy(created.json());
        JsonNode started = rawGet(reader, created.json().get("instanceId").asText()).get("result");
        assertThat(texts(started.get("tasks"), "userId")).containsExactly(approver);
        assertThat(started.get("formComponentValues").size()).isEqualTo(values.size());
    }

    @Test
    void stepsWhereTheOriginatorChoosesTakeTargetSelectActioners() throws Exception {
        String chosen = template(org, json("name", "Purchase", "form", List.of(
                json("id", "what", "type", "TextField", "label", "What", "required", true)),
                "process", List.of(approverStep("pick", json("kind", "ORIGINATOR_CHOICE", "choiceKey", "reviewers")))));
        StartProcessInstanceRequest start = new StartProcessInstanceRequest().setProcessCode(chosen)
                .setOriginatorUserId(originator)
                .setTargetSelectActioners(List.of(
                        new StartProcessInstanceRequest.StartProcessInstanceRequestTargetSelectActioners()
                                .setActionerKey("reviewers").setActionerUserIds(List.of(copied))))
                .setFormComponentValues(List.of(
                        new StartProcessInstanceRequest.StartProcessInstanceRequestFormComponentValues()
                                .setName("What").setValue("Laptop")));
        String instanceId = tea.startProcessInstanceWithOptions(start, headers(new StartProcessInstanceHeaders(),
                writer), new RuntimeOptions()).getBody().getInstanceId();
        assertThat(teaGet(reader, instanceId).getTasks()).extracting(t -> t.getUserId()).containsExactly(copied);

        start.setTargetSelectActioners(List.of(
                new StartProcessInstanceRequest.StartProcessInstanceRequestTargetSelectActioners()
                        .setActionerKey("reviewers").setActionerUserIds(List.of("nobody-here"))));
        assertTea(() -> tea.startProcessInstanceWithOptions(start, headers(new StartProcessInstanceHeaders(), writer),
                new RuntimeOptions()), 400, "targetSelectApproverScopeError");
        start.setTargetSelectActioners(null).setApprovers(List.of(
                new StartProcessInstanceRequest.StartProcessInstanceRequestApprovers().setActionType("NONE")
                        .setUserIds(List.of(approver))));
        assertTea(() -> tea.startProcessInstanceWithOptions(start, headers(new StartProcessInstanceHeaders(), writer),
                new RuntimeOptions()), 400, "invalidParameter");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String template(Org owner, Map<String, Object> definition) {
        var response = owner.admin().post("/api/v1/approval-templates", definition);
        assertThat(response.status()).as("create template: %s", response.body()).isEqualTo(201);
        return response.json().get("processCode").asText();
    }

    private static Map<String, Object> approverStep(String id, String userId) {
        return approverStep(id, json("kind", "USERS", "userIds", List.of(userId)));
    }

    private static Map<String, Object> approverStep(String id, Map<String, Object> source) {
        return json("type", "approver", "id", id, "name", "Approve " + id, "mode", "SEQUENTIAL", "approvers", source);
    }

    private static Map<String, Object> ccStep(String id, String userId) {
        return json("type", "cc", "id", id, "name", "Copy " + id,
                "recipients", json("kind", "USERS", "userIds", List.of(userId)));
    }

    /**
     * DingTalk's documented form values that Lantau's forms take: without the component kinds they
     * lack, with this organisation's person as the contact and its root as the department.
     */
    private ArrayNode documentedValues(JsonNode documented, List<String> lacking) {
        ArrayNode values = JSON.createArrayNode();
        for (JsonNode value : documented) {
            String name = value.get("name").asText();
            if (lacking.contains(name)) {
                continue;
            }
            ObjectNode copy = value.deepCopy();
            if (name.equals("联系人")) {
                copy.put("value", "[\"" + approver + "\"]");
            } else if (name.equals("部门")) {
                copy.put("value", "1");
            }
            values.add(copy);
        }
        return values;
    }

    private long instances() {
        return count("select count(*) from apr_instance where tenant_id = ?", tenantId(org));
    }

    private static OapiProcessinstanceCreateRequest.FormComponentValueVo formValue(String name, String value) {
        OapiProcessinstanceCreateRequest.FormComponentValueVo vo = new OapiProcessinstanceCreateRequest.FormComponentValueVo();
        vo.setName(name);
        vo.setValue(value);
        return vo;
    }

    private static OapiProcessinstanceCreateRequest createRequest(String processCode, String userId,
                                                                  List<OapiProcessinstanceCreateRequest.FormComponentValueVo> values) {
        OapiProcessinstanceCreateRequest request = new OapiProcessinstanceCreateRequest();
        request.setProcessCode(processCode);
        request.setOriginatorUserId(userId);
        request.setDeptId(-1L);
        request.setFormComponentValues(values);
        return request;
    }

    private OapiProcessinstanceCreateResponse create(String token, String processCode, String userId,
                                                     List<OapiProcessinstanceCreateRequest.FormComponentValueVo> values) {
        return call("/topapi/processinstance/create", createRequest(processCode, userId, values), token);
    }

    private OapiProcessinstanceGetResponse get(String token, String instanceId) {
        OapiProcessinstanceGetRequest request = new OapiProcessinstanceGetRequest();
        request.setProcessInstanceId(instanceId);
        return call("/topapi/processinstance/get", request, token);
    }

    private OapiProcessInstanceTerminateResponse terminate(String token, String instanceId, boolean system,
                                                           String operator) {
        OapiProcessInstanceTerminateRequest.TerminateProcessInstanceRequestV2 inner =
                new OapiProcessInstanceTerminateRequest.TerminateProcessInstanceRequestV2();
        inner.setProcessInstanceId(instanceId);
        inner.setIsSystem(system);
        inner.setOperatingUserid(operator);
        inner.setRemark("Ended by the integration");
        OapiProcessInstanceTerminateRequest request = new OapiProcessInstanceTerminateRequest();
        request.setRequest(inner);
        return call("/topapi/process/instance/terminate", request, token);
    }

    private static <H> H headers(H headers, String token) throws ReflectiveOperationException {
        headers.getClass().getField("xAcsDingtalkAccessToken").set(headers, token);
        return headers;
    }

    private GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResult teaGet(String token, String id)
            throws Exception {
        return tea.getProcessInstanceWithOptions(new GetProcessInstanceRequest().setProcessInstanceId(id),
                headers(new GetProcessInstanceHeaders(), token), new RuntimeOptions()).getBody().getResult();
    }

    private JsonNode rawGet(String token, String id) {
        return newApi(token).get("/v1.0/workflow/processInstances?processInstanceId=" + id).json();
    }

    /** Plain HTTP with DingTalk's header token, to see the answer as sent rather than as an SDK models it. */
    private hk.lantau.support.Api newApi(String token) {
        return anonymous().withHeader("x-acs-dingtalk-access-token", token);
    }

    private ListProcessInstanceIdsResponseBody listIds(String token, ListProcessInstanceIdsRequest request)
            throws Exception {
        return tea.listProcessInstanceIdsWithOptions(request, headers(new ListProcessInstanceIdsHeaders(), token),
                new RuntimeOptions()).getBody();
    }

    private com.aliyun.dingtalkworkflow_1_0.models.TerminateProcessInstanceResponse teaTerminate(
            String token, String id, Boolean system, String operator) throws Exception {
        return tea.terminateProcessInstanceWithOptions(new TerminateProcessInstanceRequest().setProcessInstanceId(id)
                .setIsSystem(system).setOperatingUserId(operator).setRemark("Ended"),
                headers(new TerminateProcessInstanceHeaders(), token), new RuntimeOptions());
    }

    private com.aliyun.dingtalkworkflow_1_0.models.ExecuteProcessInstanceResponse execute(
            String token, String id, long taskId, String actioner, String result) throws Exception {
        return tea.executeProcessInstanceWithOptions(new ExecuteProcessInstanceRequest().setProcessInstanceId(id)
                .setTaskId(taskId).setActionerUserId(actioner).setResult(result).setRemark("Fine by me"),
                headers(new ExecuteProcessInstanceHeaders(), token), new RuntimeOptions());
    }

    private interface TeaCall {
        Object run() throws Exception;
    }

    private static void assertTea(TeaCall call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TeaException.class, e -> {
            assertThat(e.getCode()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getData().get("statusCode")).isEqualTo(status);
        });
    }

}
