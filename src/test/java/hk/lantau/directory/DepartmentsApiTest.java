package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepartmentsApiTest extends DirectoryApiTestSupport {

    private long departmentCount(Org org) {
        return count("select count(*) from dir_department where tenant_id = ?", tenantId(org));
    }

    @Test
    void aNewOrganisationHasARootDepartmentNamedAfterIt() {
        Org org = newOrganisation();
        var tree = org.admin().get("/api/v1/departments");

        assertThat(tree.status()).isEqualTo(200);
        JsonNode root = tree.json();
        assertThat(root.get("id").asLong()).isEqualTo(1);
        assertThat(root.get("name").asText()).startsWith("Test Org");
        assertThat(root.has("parentId")).isFalse();
        assertThat(root.get("children")).isEmpty();
        var one = org.admin().get("/api/v1/departments/1").json();
        assertThat(one.get("memberCount").asInt()).isEqualTo(1);
    }

    @Test
    void buildsATreeOfAnyDepthWithIdsUniqueAcrossOrganisations() {
        Org org = newOrganisation();
        var api = org.admin();
        long group = createDepartment(api, "Group", null);
        long hk = createDepartment(api, "Hong Kong Ltd", group);
        long finance = createDepartment(api, "Finance", hk);
        long payroll = createDepartment(api, "Payroll", finance);
        api.patch("/api/v1/departments/" + finance, json("order", 5));
        long sales = createDepartment(api, "Sales", hk);

        JsonNode root = api.get("/api/v1/departments").json();
        JsonNode hkNode = root.get("children").get(0).get("children").get(0);
        assertThat(hkNode.get("id").asLong()).isEqualTo(hk);
        assertThat(texts(hkNode.get("children"), "name")).containsExactly("Sales", "Finance");
        assertThat(hkNode.get("children").get(1).get("children").get(0).get("id").asLong()).isEqualTo(payroll);

        var children = api.get("/api/v1/departments?parentId=" + hk);
        assertThat(children.status()).isEqualTo(200);
        assertThat(texts(children.json(), "id")).containsExactly(String.valueOf(sales), String.valueOf(finance));

        Org other = newOrganisation();
        long otherDepartment = createDepartment(other.admin(), "Group", null);
        assertThat(otherDepartment).isNotIn(group, hk, finance, payroll, sales).isGreaterThan(1);
    }

    @Test
    void renamesMovesAndReordersWithAnAuditRecordEach() {
        Org org = newOrganisation();
        var api = org.admin();
        long a = createDepartment(api, "Alpha", null);
        long b = createDepartment(api, "Beta", null);
        long c = createDepartment(api, "Gamma", a);

        var changed = api.patch("/api/v1/departments/" + c, json("name", "Gamma Team", "parentId", b, "order", 3));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("Gamma Team");
        assertThat(changed.json().get("parentId").asLong()).isEqualTo(b);
        assertThat(changed.json().get("order").asInt()).isEqualTo(3);
        assertThat(auditCount(org, "directory.department.created")).isEqualTo(3);
        assertThat(auditCount(org, "directory.department.renamed")).isEqualTo(1);
        assertThat(auditCount(org, "directory.department.moved")).isEqualTo(1);
        assertThat(auditCount(org, "directory.department.reordered")).isEqualTo(1);

        var unchanged = api.patch("/api/v1/departments/" + c, json("name", "Gamma Team"));
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(auditCount(org, "directory.department.renamed")).isEqualTo(1);
        assertThat(api.patch("/api/v1/departments/1", json("name", "Head Office")).json().get("name").asText())
                .isEqualTo("Head Office");
    }

    @Test
    void refusesAMoveThatMakesACycle() {
        Org org = newOrganisation();
        var api = org.admin();
        long a = createDepartment(api, "A", null);
        long b = createDepartment(api, "B", a);
        long c = createDepartment(api, "C", b);

        var underGrandchild = api.patch("/api/v1/departments/" + a, json("parentId", c));
        assertThat(underGrandchild.status()).isEqualTo(409);
        assertThat(underGrandchild.code()).isEqualTo("directory.department_cycle");
        assertThat(field(underGrandchild, 0)).isEqualTo("parentId");

        var underItself = api.patch("/api/v1/departments/" + b, json("parentId", b, "name", "B2"));
        assertThat(underItself.status()).isEqualTo(409);
        assertThat(underItself.code()).isEqualTo("directory.department_cycle");

        var root = api.patch("/api/v1/departments/1", json("parentId", a));
        assertThat(root.status()).isEqualTo(409);
        assertThat(root.code()).isEqualTo("directory.root_department");

        JsonNode aNow = api.get("/api/v1/departments/" + a).json();
        assertThat(aNow.get("parentId").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/departments/" + b).json().get("name").asText()).isEqualTo("B");
        assertThat(auditCount(org, "directory.department.moved")).isZero();
    }

    @Test
    void deletesOnlyEmptyDepartmentsAndNeverTheRoot() {
        Org org = newOrganisation();
        var api = org.admin();
        long parent = createDepartment(api, "Parent", null);
        long child = createDepartment(api, "Child", parent);
        long staffed = createDepartment(api, "Staffed", null);
        createUser(api, "Mary Lee", staffed);

        var withChild = api.delete("/api/v1/departments/" + parent);
        assertThat(withChild.status()).isEqualTo(409);
        assertThat(withChild.code()).isEqualTo("directory.department_not_empty");
        var withMember = api.delete("/api/v1/departments/" + staffed);
        assertThat(withMember.status()).isEqualTo(409);
        assertThat(withMember.code()).isEqualTo("directory.department_not_empty");
        var root = api.delete("/api/v1/departments/1");
        assertThat(root.status()).isEqualTo(409);
        assertThat(root.code()).isEqualTo("directory.root_department");
        assertThat(departmentCount(org)).isEqualTo(4);

        assertThat(api.delete("/api/v1/departments/" + child).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/departments/" + parent).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/departments/" + parent).status()).isEqualTo(404);
        assertThat(departmentCount(org)).isEqualTo(2);
        assertThat(auditCount(org, "directory.department.deleted")).isEqualTo(2);
    }

    @Test
    void dissolvesAVirtualDepartmentWithoutTouchingRealMemberships() {
        Org org = newOrganisation();
        var api = org.admin();
        long sales = createDepartment(api, "Sales", null);
        String amy = createUser(api, "Amy Wong", sales);
        String ben = createUser(api, "Ben Chan", sales);
        long project = createVirtualDepartment(api, "Project Harbour");
        assertThat(api.post("/api/v1/departments/" + project + "/members", json("userIds", List.of(amy, ben)))
                .status()).isEqualTo(200);

        var underVirtual = api.post("/api/v1/departments", json("name", "Sub", "parentId", project));
        assertThat(underVirtual.status()).isEqualTo(409);
        assertThat(underVirtual.code()).isEqualTo("directory.virtual_parent");
        var real = api.post("/api/v1/departments/" + sales + "/dissolve", null);
        assertThat(real.status()).isEqualTo(409);
        assertThat(real.code()).isEqualTo("directory.department_not_virtual");

        var dissolved = api.post("/api/v1/departments/" + project + "/dissolve", null);

        assertThat(dissolved.status()).isEqualTo(200);
        assertThat(dissolved.json().get("removedMembers").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/departments/" + project).status()).isEqualTo(404);
        assertThat(texts(api.get("/api/v1/users/" + amy).json().get("departmentIds"), null))
                .containsExactly(String.valueOf(sales));
        assertThat(api.get("/api/v1/departments/" + sales).json().get("memberCount").asInt()).isEqualTo(2);
        assertThat(auditChanges(org).get(auditChanges(org).size() - 1)).contains(amy, ben);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Org org = newOrganisation();
        var api = org.admin();
        long sales = createDepartment(api, "Sales", null);
        long before = departmentCount(org);

        var malformed = api.sendRaw("POST", "/api/v1/departments", "{\"name\": ", "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");

        var unknown = api.post("/api/v1/departments", json("name", "X", "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("request.unknown_field");
        assertThat(field(unknown, 0)).isEqualTo("colour");

        var missing = api.post("/api/v1/departments", json("parentId", 1));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(field(missing, 0)).isEqualTo("name");

        var overlong = api.post("/api/v1/departments", json("name", "x".repeat(65)));
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(field(overlong, 0)).isEqualTo("name");

        var unknownParent = api.post("/api/v1/departments", json("name", "Orphan", "parentId", 999_999_999));
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(unknownParent.code()).isEqualTo("directory.department_unknown");
        assertThat(field(unknownParent, 0)).isEqualTo("parentId");

        var duplicate = api.post("/api/v1/departments", json("name", "Sales"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("directory.department_name_taken");
        assertThat(field(duplicate, 0)).isEqualTo("name");

        var blankRename = api.patch("/api/v1/departments/" + sales, json("name", "   "));
        assertThat(blankRename.status()).isEqualTo(400);
        assertThat(blankRename.code()).isEqualTo("directory.department_name_invalid");

        var wrongType = api.get("/api/v1/departments/abc");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.code()).isEqualTo("request.wrong_type");

        assertThat(departmentCount(org)).isEqualTo(before);
        assertThat(api.get("/api/v1/departments/" + sales).json().get("name").asText()).isEqualTo("Sales");
    }
}
