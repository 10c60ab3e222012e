package hk.lantau.compat;

import static hk.lantau.compat.CompatFixtures.fixture;
import static hk.lantau.compat.CompatFixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.api.request.OapiUserGetbyunionidRequest;
import com.dingtalk.api.request.OapiUserCountRequest;
import com.dingtalk.api.request.OapiUserListidRequest;
import com.dingtalk.api.request.OapiUserListsimpleRequest;
import com.dingtalk.api.request.OapiV2DepartmentCreateRequest;
import com.dingtalk.api.request.OapiV2DepartmentDeleteRequest;
import com.dingtalk.api.request.OapiV2DepartmentGetRequest;
import com.dingtalk.api.request.OapiV2DepartmentListparentbydeptRequest;
import com.dingtalk.api.request.OapiV2DepartmentListparentbyuserRequest;
import com.dingtalk.api.request.OapiV2DepartmentListsubRequest;
import com.dingtalk.api.request.OapiV2DepartmentListsubidRequest;
import com.dingtalk.api.request.OapiV2DepartmentUpdateRequest;
import com.dingtalk.api.request.OapiV2UserCreateRequest;
import com.dingtalk.api.request.OapiV2UserDeleteRequest;
import com.dingtalk.api.request.OapiV2UserGetRequest;
import com.dingtalk.api.request.OapiV2UserGetbymobileRequest;
import com.dingtalk.api.request.OapiV2UserListRequest;
import com.dingtalk.api.request.OapiV2UserUpdateRequest;
import com.dingtalk.api.response.OapiUserGetbyunionidResponse;
import com.dingtalk.api.response.OapiUserListidResponse;
import com.dingtalk.api.response.OapiV2DepartmentCreateResponse;
import com.dingtalk.api.response.OapiV2DepartmentDeleteResponse;
import com.dingtalk.api.response.OapiV2DepartmentGetResponse;
import com.dingtalk.api.response.OapiV2DepartmentListparentbydeptResponse;
import com.dingtalk.api.response.OapiV2DepartmentListparentbyuserResponse;
import com.dingtalk.api.response.OapiUserCountResponse;
import com.dingtalk.api.response.OapiUserListsimpleResponse;
import com.dingtalk.api.response.OapiV2DepartmentListsubResponse;
import com.dingtalk.api.response.OapiV2DepartmentListsubidResponse;
import com.dingtalk.api.response.OapiV2DepartmentUpdateResponse;
import com.dingtalk.api.response.OapiV2UserCreateResponse;
import com.dingtalk.api.response.OapiV2UserDeleteResponse;
import com.dingtalk.api.response.OapiV2UserGetResponse;
import com.dingtalk.api.response.OapiV2UserGetbymobileResponse;
import com.dingtalk.api.response.OapiV2UserListResponse;
import com.dingtalk.api.response.OapiV2UserUpdateResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DingTalk's contacts API through the official old SDK: people and departments read and changed
 * over the directory, DingTalk's field names (checked against the documentation's examples), the
 * masking of mobiles, paging, and every refusal with nothing changed, another organisation's
 * objects included.
 */
class CompatContactsApiTest extends CompatApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Org org;
    private String reader;
    private String writer;
    private long finance;
    private String mobile;
    private String accountant;

    @BeforeEach
    void organisation() {
        org = newOrganisation();
        finance = createDepartment(org.admin(), "Finance", 1L);
        mobile = newMobile();
        accountant = createUser(org.admin(), json("name", "Chan Tai Man", "email", newEmail("chan"), "mobile", mobile,
                "title", "Accountant", "jobNumber", "E-1001", "hireDate", "2023-04-01", "workPlace", "Kwun Tong",
                "remark", "Payroll", "departmentIds", List.of(finance)));
        reader = token(register(org, "user.read", "department.read"));
        writer = token(register(org, "user.read", "user.write", "department.read", "department.write"));
    }

    @Test
    void userGetAnswersDingTalksUserObjectWithTheMobileMasked() throws IOException {
        OapiV2UserGetResponse response = userGet(reader, accountant);
        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        OapiV2UserGetResponse.UserGetResponse user = response.getResult();
        assertThat(user.getUserid()).isEqualTo(accountant);
        assertThat(user.getUnionid()).isEqualTo(accountant);
        assertThat(user.getName()).isEqualTo("Chan Tai Man");
        assertThat(user.getTitle()).isEqualTo("Accountant");
        assertThat(user.getJobNumber()).isEqualTo("E-1001");
        assertThat(user.getWorkPlace()).isEqualTo("Kwun Tong");
        assertThat(user.getDeptIdList()).containsExactly(finance);
        assertThat(user.getHiredDate()).isEqualTo(LocalDate.of(2023, 4, 1)
                .atStartOfDay(ZoneId.of("Asia/Hong_Kong")).toInstant().toEpochMilli());
        assertThat(user.getActive()).isTrue();
        assertThat(user.getAdmin()).isFalse();
        assertThat(user.getMobile()).contains("*").doesNotContain(mobile.substring(mobile.length() - 6));
        assertThat(userGet(reader, org.adminUserId()).getResult().getAdmin()).isTrue();

        JsonNode documented = fixture("user-get.response.json").get("result");
        assertThat(names(JSON.readTree(response.getBody()).get("result"))).isSubsetOf(names(documented));
        // Revealed, so that state_code is answered, and with a manager; the rest Lantau does not have
        // (docs/compat.md).
        assertThat(org.admin().patch("/api/v1/users/" + accountant, json("managerUserId", org.adminUserId()))
                .status()).isEqualTo(200);
        String revealing = token(register(org, "user.read", "pii.mobile.read"));
        DocumentedAnswer.of("user-get.response.json").valuesAsStrings()
                .absent("result.extension", "result.boss", "result.role_list", "result.exclusive_account",
                        "result.dept_order_list", "result.real_authed", "result.leader_in_dept", "result.org_email",
                        "result.telephone", "result.avatar", "result.hide_mobile", "result.senior",
                        "result.union_emp_ext")
                .assertCarriedBy(JSON.readTree(userGet(revealing, accountant).getBody()));
    }

    @Test
    void theDocumentedFormRequestsWork() throws IOException {
        JsonNode request = fixture("user-get.request.json");
        String form = "access_token=" + reader + "&language=" + request.get("form").get("language").asText()
                + "&userid=" + URLEncoder.encode(accountant, StandardCharsets.UTF_8);
        var answer = raw("POST", request.get("path").asText(), form, request.get("contentType").asText());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("errcode").asInt()).isZero();
        assertThat(answer.json().get("result").get("userid").asText()).isEqualTo(accountant);

        JsonNode byMobile = fixture("user-getbymobile.request.json");
        var found = raw("POST", byMobile.get("path").asText(), "access_token=" + reader + "&mobile="
                + URLEncoder.encode(mobile, StandardCharsets.UTF_8), byMobile.get("contentType").asText());
        assertThat(found.json().get("result").get("userid").asText()).isEqualTo(accountant);
        Set<String> documented = names(fixture("user-getbymobile.response.json").get("result"));
        documented.add("exclusive_account_userid_list"); // in the SDK's model, not in the example
        assertThat(names(found.json().get("result"))).isSubsetOf(documented);
        DocumentedAnswer.of("user-getbymobile.response.json").valuesAsStrings().assertCarriedBy(found.json());

        JsonNode deptRequest = fixture("department-get.request.json");
        var dept = raw("POST", deptRequest.get("path").asText(), "access_token=" + reader + "&dept_id=" + finance
                + "&language=zh_CN", deptRequest.get("contentType").asText());
        Set<String> deptFields = names(fixture("department-get.response.json").get("result"));
        deptFields.addAll(List.of("parent_id", "member_count")); // in the documented field table
        assertThat(names(dept.json().get("result"))).isSubsetOf(deptFields);
        // Permissions, outer departments, managers, group settings and codes Lantau does not have.
        DocumentedAnswer.of("department-get.response.json")
                .absent("result.dept_permits", "result.outer_permit_users", "result.dept_manager_userid_list",
                        "result.org_dept_owner", "result.outer_dept", "result.dept_group_chat_id",
                        "result.group_contain_sub_dept", "result.outer_permit_depts", "result.user_permits",
                        "result.code", "result.union_dept_ext")
                .assertCarriedBy(dept.json());

        JsonNode create = fixture("user-create.request.json");
        // The documented example sends dept_id_list as a comma string; here with this organisation's ids.
        String createForm = "access_token=" + writer + "&name="
                + URLDecoder.decode(create.get("form").get("name").asText(), StandardCharsets.UTF_8)
                + "&mobile=" + URLEncoder.encode(newMobile(), StandardCharsets.UTF_8) + "&dept_id_list=1," + finance;
        var created = raw("POST", create.get("path").asText(), createForm, create.get("contentType").asText());
        assertThat(created.json().get("errcode").asInt()).as(created.body()).isZero();
        assertThat(names(created.json().get("result")))
                .isEqualTo(names(fixture("user-create.response.json").get("result")));
    }

    @Test
    void theMobileIsRevealedToAppsHoldingItsScopeAndAudited() {
        String revealing = token(register(org, "user.read", "pii.mobile.read"));
        long reveals = auditCount(org, "compliance.field.revealed");
        OapiV2UserGetResponse.UserGetResponse user = userGet(revealing, accountant).getResult();
        assertThat(user.getStateCode()).isEqualTo("852");
        assertThat(user.getMobile()).isEqualTo(mobile.replace(" ", "").substring(4));
        assertThat(auditCount(org, "compliance.field.revealed")).isEqualTo(reveals + 1);
    }

    @Test
    void anotherOrganisationsPeopleAndDepartmentsAreNotFound() {
        Org other = newOrganisation();
        long theirs = createDepartment(other.admin(), "Their finance", 1L);
        String theirPerson = createUser(other.admin(), "Their Person", theirs);

        assertThat(userGet(reader, theirPerson).getErrcode()).isEqualTo(60121L);
        OapiV2DepartmentGetRequest get = new OapiV2DepartmentGetRequest();
        get.setDeptId(theirs);
        assertThat(call("/topapi/v2/department/get", get, reader).getErrcode()).isEqualTo(60003L);
        OapiV2UserListRequest list = new OapiV2UserListRequest();
        list.setDeptId(theirs);
        list.setCursor(0L);
        list.setSize(10L);
        assertThat(call("/topapi/v2/user/list", list, reader).getErrcode()).isEqualTo(60003L);

        OapiV2UserUpdateRequest rename = new OapiV2UserUpdateRequest();
        rename.setUserid(theirPerson);
        rename.setName("Renamed");
        assertThat(call("/topapi/v2/user/update", rename, writer).getErrcode()).isEqualTo(60121L);
        OapiV2DepartmentDeleteRequest delete = new OapiV2DepartmentDeleteRequest();
        delete.setDeptId(theirs);
        assertThat(call("/topapi/v2/department/delete", delete, writer).getErrcode()).isEqualTo(60003L);
        assertThat(other.admin().get("/api/v1/users/" + theirPerson).json().get("name").asText())
                .isEqualTo("Their Person");
        assertThat(other.admin().get("/api/v1/departments/" + theirs).status()).isEqualTo(200);
    }

    @Test
    void userListPagesThroughADepartmentWithDingTalksCursor() {
        String second = createUser(org.admin(), "Second Person", finance);
        String third = createUser(org.admin(), "Third Person", finance);
        OapiV2UserListRequest request = new OapiV2UserListRequest();
        request.setDeptId(finance);
        request.setCursor(0L);
        request.setSize(2L);
        OapiV2UserListResponse first = call("/topapi/v2/user/list", request, reader);
        assertThat(first.isSuccess()).as(first.getBody()).isTrue();
        assertThat(first.getResult().getHasMore()).isTrue();
        assertThat(first.getResult().getNextCursor()).isEqualTo(2L);
        assertThat(first.getResult().getList()).hasSize(2);
        assertThat(first.getResult().getList().get(0).getLeader()).isFalse();
        request.setCursor(first.getResult().getNextCursor());
        OapiV2UserListResponse last = call("/topapi/v2/user/list", request, reader);
        assertThat(last.getResult().getHasMore()).isFalse();
        assertThat(last.getResult().getNextCursor()).isNull();
        Set<String> seen = new HashSet<>();
        first.getResult().getList().forEach(u -> seen.add(u.getUserid()));
        last.getResult().getList().forEach(u -> seen.add(u.getUserid()));
        assertThat(seen).containsExactlyInAnyOrder(accountant, second, third);

        OapiUserListidRequest ids = new OapiUserListidRequest();
        ids.setDeptId(finance);
        OapiUserListidResponse listed = call("/topapi/user/listid", ids, reader);
        assertThat(listed.getResult().getUseridList()).containsExactlyInAnyOrder(accountant, second, third);

        // Values of the wrong type are refused, naming the field.
        var wrong = postJson("/topapi/v2/user/list", reader, "{\"dept_id\":\"" + finance
                + "\",\"cursor\":\"zero\",\"size\":\"2\"}");
        assertThat(wrong.json().get("errcode").asInt()).isEqualTo(40035);
        assertThat(wrong.json().get("errmsg").asText()).contains("cursor");
        var tooBig = postJson("/topapi/v2/user/list", reader, "{\"dept_id\":" + finance + ",\"cursor\":0,\"size\":101}");
        assertThat(tooBig.json().get("errcode").asInt()).isEqualTo(40035);
    }

    @Test
    void listSimplePagesNamesAndCountLeavesOutSuspendedPeopleWhenAsked() {
        String second = createUser(org.admin(), "Second Person", finance);
        OapiUserListsimpleRequest request = new OapiUserListsimpleRequest();
        request.setDeptId(finance);
        request.setCursor(0L);
        request.setSize(1L);
        OapiUserListsimpleResponse first = call("/topapi/user/listsimple", request, reader);
        assertThat(first.isSuccess()).as(first.getBody()).isTrue();
        assertThat(first.getResult().getHasMore()).isTrue();
        assertThat(first.getResult().getNextCursor()).isEqualTo(1L);
        request.setCursor(1L);
        OapiUserListsimpleResponse last = call("/topapi/user/listsimple", request, reader);
        assertThat(last.getResult().getHasMore()).isFalse();
        assertThat(List.of(first.getResult().getList().get(0).getName(), last.getResult().getList().get(0).getName()))
                .containsExactlyInAnyOrder("Chan Tai Man", "Second Person");
        var documented = sendDocumented("user-listsimple.request.json", reader, Map.of("dept_id", finance));
        DocumentedAnswer.of("user-listsimple.response.json").assertCarriedBy(documented.json());

        long all = count(false);
        long active = count(true);
        assertThat(active).isEqualTo(all).isGreaterThanOrEqualTo(2);
        assertThat(org.admin().post("/api/v1/users/" + second + "/suspend", Map.of()).status()).isEqualTo(200);
        assertThat(count(false)).isEqualTo(all);
        assertThat(count(true)).isEqualTo(active - 1);
        Org other = newOrganisation();
        createUser(other.admin(), "Their Person", 1L);
        assertThat(count(false)).isEqualTo(all);
        var counted = sendDocumented("user-count.request.json", reader, Map.of());
        DocumentedAnswer.of("user-count.response.json").assertCarriedBy(counted.json());
        assertThat(counted.json().get("result").get("count").asLong()).isEqualTo(all);

        // only_active is required; another organisation's department is not found; the scope is needed.
        var missing = postJson("/topapi/user/count", reader, "{}");
        assertThat(missing.json().get("errcode").asInt()).isEqualTo(40035);
        assertThat(missing.json().get("errmsg").asText()).contains("only_active");
        request.setDeptId(createDepartment(other.admin(), "Their finance", 1L));
        request.setCursor(0L);
        assertThat(call("/topapi/user/listsimple", request, reader).getErrcode()).isEqualTo(60003L);
        String departmentsOnly = token(register(org, "department.read"));
        OapiUserCountRequest count = new OapiUserCountRequest();
        count.setOnlyActive(false);
        assertThat(call("/topapi/user/count", count, departmentsOnly).isSuccess()).isFalse();
    }

    private long count(boolean onlyActive) {
        OapiUserCountRequest request = new OapiUserCountRequest();
        request.setOnlyActive(onlyActive);
        OapiUserCountResponse response = call("/topapi/user/count", request, reader);
        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        return response.getResult().getCount();
    }

    @Test
    void usersAreFoundByMobileAndUnionId() {
        OapiV2UserGetbymobileRequest byMobile = new OapiV2UserGetbymobileRequest();
        byMobile.setMobile(mobile.replace(" ", ""));
        OapiV2UserGetbymobileResponse found = call("/topapi/v2/user/getbymobile", byMobile, reader);
        assertThat(found.getResult().getUserid()).isEqualTo(accountant);
        byMobile.setMobile("+852 5999 0000");
        assertThat(call("/topapi/v2/user/getbymobile", byMobile, reader).getErrcode()).isEqualTo(60121L);

        OapiUserGetbyunionidRequest byUnionId = new OapiUserGetbyunionidRequest();
        byUnionId.setUnionid(accountant);
        OapiUserGetbyunionidResponse union = call("/topapi/user/getbyunionid", byUnionId, reader);
        assertThat(union.getResult().getUserid()).isEqualTo(accountant);
        assertThat(union.getResult().getContactType()).isZero();
    }

    @Test
    void peopleAreCreatedChangedAndRemovedThroughTheSdk() {
        String newMobile = newMobile();
        OapiV2UserCreateRequest create = new OapiV2UserCreateRequest();
        create.setName("Wong Siu Ming");
        create.setMobile(newMobile.replace(" ", ""));
        create.setDeptIdList("1," + finance);
        create.setTitle("Clerk");
        create.setHiredDate(LocalDate.of(2024, 9, 2).atStartOfDay(ZoneId.of("Asia/Hong_Kong")).toInstant()
                .toEpochMilli());
        OapiV2UserCreateResponse created = call("/topapi/v2/user/create", create, writer);
        assertThat(created.isSuccess()).as(created.getBody()).isTrue();
        String userId = created.getResult().getUserid();
        assertThat(created.getResult().getUnionId()).isEqualTo(userId);
        JsonNode stored = org.admin().get("/api/v1/users/" + userId).json();
        assertThat(stored.get("title").asText()).isEqualTo("Clerk");
        assertThat(stored.get("hireDate").asText()).isEqualTo("2024-09-02");
        assertThat(texts(stored.get("departmentIds"), null)).containsExactlyInAnyOrder("1", String.valueOf(finance));

        OapiV2UserUpdateRequest update = new OapiV2UserUpdateRequest();
        update.setUserid(userId);
        update.setName("Wong Siu-ming");
        update.setDeptIdList(String.valueOf(finance));
        update.setForceUpdateFields("title");
        OapiV2UserUpdateResponse updated = call("/topapi/v2/user/update", update, writer);
        assertThat(updated.isSuccess()).as(updated.getBody()).isTrue();
        stored = org.admin().get("/api/v1/users/" + userId).json();
        assertThat(stored.get("name").asText()).isEqualTo("Wong Siu-ming");
        assertThat(stored.path("title").isMissingNode() || stored.get("title").isNull()).isTrue();
        assertThat(texts(stored.get("departmentIds"), null)).containsExactly(String.valueOf(finance));

        OapiV2UserDeleteRequest delete = new OapiV2UserDeleteRequest();
        delete.setUserid(userId);
        assertThat(call("/topapi/v2/user/delete", delete, writer).isSuccess()).isTrue();
        assertThat(org.admin().get("/api/v1/users/" + userId).json().get("status").asText()).isEqualTo("LEFT");
    }

    @Test
    void refusedChangesChangeNothing() {
        long people = count("select count(*) from dir_user where tenant_id = ?", tenantId(org));
        OapiV2UserCreateRequest noMobile = new OapiV2UserCreateRequest();
        noMobile.setName("No Mobile");
        noMobile.setDeptIdList("1");
        OapiV2UserCreateResponse missing = call("/topapi/v2/user/create", noMobile, writer);
        assertThat(missing.getErrcode()).isEqualTo(40035L);
        assertThat(missing.getErrmsg()).contains("mobile");

        OapiV2UserCreateRequest taken = new OapiV2UserCreateRequest();
        taken.setName("Same Mobile");
        taken.setMobile(mobile.replace(" ", ""));
        taken.setDeptIdList("1");
        assertThat(call("/topapi/v2/user/create", taken, writer).getErrcode()).isEqualTo(60104L);

        var badList = postJson("/topapi/v2/user/create", writer, "{\"name\":\"X\",\"mobile\":\"" + newMobile()
                + "\",\"dept_id_list\":\"1,two\"}");
        assertThat(badList.json().get("errcode").asInt()).isEqualTo(40035);
        var badDate = postJson("/topapi/v2/user/create", writer, "{\"name\":\"X\",\"mobile\":\"" + newMobile()
                + "\",\"dept_id_list\":\"1\",\"hired_date\":\"yesterday\"}");
        assertThat(badDate.json().get("errcode").asInt()).isEqualTo(40035);
        var malformed = postJson("/topapi/v2/user/create", writer, "{\"name\":");
        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.json().get("errcode").asInt()).isEqualTo(43009);
        var notObject = postJson("/topapi/v2/user/create", writer, "[1,2]");
        assertThat(notObject.json().get("errcode").asInt()).isEqualTo(43009);
        var huge = postJson("/topapi/v2/user/create", writer, "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.json().get("errcode").asInt()).isEqualTo(40035);

        OapiV2UserCreateRequest readerTries = new OapiV2UserCreateRequest();
        readerTries.setName("By Reader");
        readerTries.setMobile(newMobile().replace(" ", ""));
        readerTries.setDeptIdList("1");
        OapiV2UserCreateResponse scope = call("/topapi/v2/user/create", readerTries, reader);
        assertThat(scope.getErrcode()).isEqualTo(88L);
        assertThat(scope.getSubCode()).isEqualTo("60011");
        assertThat(count("select count(*) from dir_user where tenant_id = ?", tenantId(org))).isEqualTo(people);

        OapiV2UserUpdateRequest clearUnknown = new OapiV2UserUpdateRequest();
        clearUnknown.setUserid(accountant);
        clearUnknown.setName("Changed");
        clearUnknown.setForceUpdateFields("nonsense");
        assertThat(call("/topapi/v2/user/update", clearUnknown, writer).getErrcode()).isEqualTo(40035L);
        assertThat(org.admin().get("/api/v1/users/" + accountant).json().get("name").asText())
                .isEqualTo("Chan Tai Man");
    }

    @Test
    void departmentsAreReadAndChangedThroughTheSdk() {
        OapiV2DepartmentCreateRequest create = new OapiV2DepartmentCreateRequest();
        create.setName("Payroll");
        create.setParentId(finance);
        create.setOrder(5L);
        OapiV2DepartmentCreateResponse created = call("/topapi/v2/department/create", create, writer);
        assertThat(created.isSuccess()).as(created.getBody()).isTrue();
        long payroll = created.getResult().getDeptId();

        OapiV2DepartmentGetRequest get = new OapiV2DepartmentGetRequest();
        get.setDeptId(payroll);
        OapiV2DepartmentGetResponse.DeptGetResponse dept = call("/topapi/v2/department/get", get, reader).getResult();
        assertThat(dept.getName()).isEqualTo("Payroll");
        assertThat(dept.getParentId()).isEqualTo(finance);
        assertThat(dept.getOrder()).isEqualTo(5L);

        OapiV2DepartmentListsubRequest sub = new OapiV2DepartmentListsubRequest();
        sub.setDeptId(finance);
        OapiV2DepartmentListsubResponse subs = call("/topapi/v2/department/listsub", sub, reader);
        assertThat(subs.getResult()).extracting(OapiV2DepartmentListsubResponse.DeptBaseResponse::getDeptId)
                .containsExactly(payroll);
        OapiV2DepartmentListsubidRequest subIds = new OapiV2DepartmentListsubidRequest();
        subIds.setDeptId(1L);
        OapiV2DepartmentListsubidResponse rootChildren = call("/topapi/v2/department/listsubid", subIds, reader);
        assertThat(rootChildren.getResult().getDeptIdList()).contains(finance).doesNotContain(payroll);

        OapiV2DepartmentListparentbydeptRequest byDept = new OapiV2DepartmentListparentbydeptRequest();
        byDept.setDeptId(payroll);
        OapiV2DepartmentListparentbydeptResponse chain = call("/topapi/v2/department/listparentbydept", byDept,
                reader);
        assertThat(chain.getResult().getParentIdList()).containsExactly(payroll, finance, 1L);
        OapiV2DepartmentListparentbyuserRequest byUser = new OapiV2DepartmentListparentbyuserRequest();
        byUser.setUserid(accountant);
        OapiV2DepartmentListparentbyuserResponse userChains = call("/topapi/v2/department/listparentbyuser", byUser,
                reader);
        assertThat(userChains.getResult().getParentList()).hasSize(1);
        assertThat(userChains.getResult().getParentList().get(0).getParentDeptIdList()).containsExactly(finance, 1L);

        OapiV2DepartmentUpdateRequest rename = new OapiV2DepartmentUpdateRequest();
        rename.setDeptId(payroll);
        rename.setName("Payroll and benefits");
        OapiV2DepartmentUpdateResponse renamed = call("/topapi/v2/department/update", rename, writer);
        assertThat(renamed.isSuccess()).as(renamed.getBody()).isTrue();
        assertThat(call("/topapi/v2/department/get", get, reader).getResult().getName())
                .isEqualTo("Payroll and benefits");

        OapiV2DepartmentDeleteRequest delete = new OapiV2DepartmentDeleteRequest();
        delete.setDeptId(finance);
        assertThat(call("/topapi/v2/department/delete", delete, writer).getErrcode()).isEqualTo(60005L);
        delete.setDeptId(1L);
        assertThat(call("/topapi/v2/department/delete", delete, writer).getErrcode()).isEqualTo(60007L);
        OapiV2DepartmentCreateRequest byReader = new OapiV2DepartmentCreateRequest();
        byReader.setName("Nope");
        byReader.setParentId(1L);
        assertThat(call("/topapi/v2/department/create", byReader, reader).getSubCode()).isEqualTo("60011");
        OapiV2DepartmentCreateRequest noParent = new OapiV2DepartmentCreateRequest();
        noParent.setName("Orphan");
        noParent.setParentId(987_654_321L);
        assertThat(call("/topapi/v2/department/create", noParent, writer).getErrcode()).isEqualTo(60003L);
        assertThat(org.admin().get("/api/v1/departments/" + finance).status()).isEqualTo(200);

        delete.setDeptId(payroll);
        OapiV2DepartmentDeleteResponse deleted = call("/topapi/v2/department/delete", delete, writer);
        assertThat(deleted.isSuccess()).as(deleted.getBody()).isTrue();
        assertThat(call("/topapi/v2/department/get", get, reader).getErrcode()).isEqualTo(60003L);
    }

    @Test
    void theDocumentedDepartmentRequestsWorkAndAnswerDingTalksShapes() {
        var created = sendDocumented("department-create.request.json", writer, Map.of("parent_id", finance));
        assertThat(created.json().get("errcode").asInt()).as(created.body()).isZero();
        DocumentedAnswer.of("department-create.response.json").assertCarriedBy(created.json());
        long hr = created.json().get("result").get("dept_id").asLong();
        JsonNode stored = org.admin().get("/api/v1/departments/" + hr).json();
        assertThat(stored.get("name").asText()).isEqualTo("HR");
        assertThat(stored.get("parentId").asLong()).isEqualTo(finance);

        var sub = sendDocumented("department-listsub.request.json", reader, Map.of("dept_id", finance));
        DocumentedAnswer.of("department-listsub.response.json").assertCarriedBy(sub.json());
        assertThat(sub.json().get("result").get(0).get("dept_id").asLong()).isEqualTo(hr);
        var subIds = sendDocumented("department-listsubid.request.json", reader, Map.of("dept_id", finance));
        DocumentedAnswer.of("department-listsubid.response.json").assertCarriedBy(subIds.json());
        assertThat(subIds.json().get("result").get("dept_id_list").get(0).asLong()).isEqualTo(hr);

        var byDept = sendDocumented("department-listparentbydept.request.json", reader, Map.of("dept_id", hr));
        DocumentedAnswer.of("department-listparentbydept.response.json").assertCarriedBy(byDept.json());
        assertThat(texts(byDept.json().get("result").get("parent_id_list"), null))
                .containsExactly(String.valueOf(hr), String.valueOf(finance), "1");
        var byUser = sendDocumented("department-listparentbyuser.request.json", reader, Map.of("userid", accountant));
        DocumentedAnswer.of("department-listparentbyuser.response.json").assertCarriedBy(byUser.json());
        assertThat(texts(byUser.json().get("result").get("parent_list").get(0).get("parent_dept_id_list"), null))
                .containsExactly(String.valueOf(finance), "1");

        // Hiding, permits, language and code are DingTalk's settings Lantau does not have (docs/compat.md).
        var updated = sendDocumented("department-update.request.json", writer, Map.of("dept_id", hr, "parent_id", 1));
        assertThat(updated.json().get("errcode").asInt()).as(updated.body()).isZero();
        DocumentedAnswer.of("department-update.response.json").assertCarriedBy(updated.json());
        assertThat(org.admin().get("/api/v1/departments/" + hr).json().get("parentId").asLong()).isEqualTo(1L);

        var deleted = sendDocumented("department-delete.request.json", writer, Map.of("dept_id", hr));
        assertThat(deleted.json().get("errcode").asInt()).as(deleted.body()).isZero();
        DocumentedAnswer.of("department-delete.response.json").assertCarriedBy(deleted.json());
        assertThat(org.admin().get("/api/v1/departments/" + hr).status()).isEqualTo(404);
    }

    @Test
    void theDocumentedPeopleRequestsWorkAndAnswerDingTalksShapes() {
        // More members than the documented page of 10, so that the page has a next cursor; each with every
        // field the example shows, as DingTalk leaves empty ones out.
        for (int i = 0; i < 10; i++) {
            createUser(org.admin(), json("name", "Member " + i, "email", newEmail("member" + i), "mobile", newMobile(),
                    "title", "Clerk", "jobNumber", "E-20" + i, "hireDate", "2024-01-02", "workPlace", "Kwun Tong",
                    "remark", "Payroll", "departmentIds", List.of(finance)));
        }
        String revealing = token(register(org, "user.read", "pii.mobile.read"));
        var list = sendDocumented("user-list.request.json", revealing, Map.of("dept_id", finance));
        assertThat(list.json().get("errcode").asInt()).as(list.body()).isZero();
        DocumentedAnswer.of("user-list.response.json").valuesAsStrings()
                .absent("result.list.extension", "result.list.boss", "result.list.exclusive_account",
                        "result.list.telephone", "result.list.avatar", "result.list.hide_mobile",
                        "result.list.org_email")
                .assertCarriedBy(list.json());
        assertThat(list.json().get("result").get("list")).hasSize(10);

        var ids = sendDocumented("user-listid.request.json", reader, Map.of("dept_id", finance));
        DocumentedAnswer.of("user-listid.response.json").assertCarriedBy(ids.json());
        assertThat(texts(ids.json().get("result").get("userid_list"), null)).hasSize(11).contains(accountant);

        var byUnionId = sendDocumented("user-getbyunionid.request.json", reader, Map.of("unionid", accountant));
        DocumentedAnswer.of("user-getbyunionid.response.json").valuesAsStrings().assertCarriedBy(byUnionId.json());
        assertThat(byUnionId.json().get("result").get("userid").asText()).isEqualTo(accountant);

        // telephone and hide_mobile are accepted and ignored: Lantau has neither (docs/compat.md).
        String clerk = createUser(org.admin(), "Wong Siu Ming", finance);
        var updated = sendDocumented("user-update.request.json", writer, Map.of("userid", clerk));
        assertThat(updated.json().get("errcode").asInt()).as(updated.body()).isZero();
        DocumentedAnswer.of("user-update.response.json").assertCarriedBy(updated.json());
        assertThat(org.admin().get("/api/v1/users/" + clerk).json().get("name").asText()).isEqualTo("张三");

        var deleted = sendDocumented("user-delete.request.json", writer, Map.of("userid", clerk));
        assertThat(deleted.json().get("errcode").asInt()).as(deleted.body()).isZero();
        DocumentedAnswer.of("user-delete.response.json").assertCarriedBy(deleted.json());
        assertThat(org.admin().get("/api/v1/users/" + clerk).json().get("status").asText()).isEqualTo("LEFT");
    }

    private OapiV2UserGetResponse userGet(String token, String userId) {
        OapiV2UserGetRequest request = new OapiV2UserGetRequest();
        request.setUserid(userId);
        return call("/topapi/v2/user/get", request, token);
    }
}
