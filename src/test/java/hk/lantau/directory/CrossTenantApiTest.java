package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An admin of organisation B names organisation A's departments, people and roles: 404, nothing changes. */
class CrossTenantApiTest extends DirectoryApiTestSupport {

    /** Everything the directory holds for one organisation, to compare before and after. */
    private String snapshot(Org org) {
        long t = tenantId(org);
        StringBuilder all = new StringBuilder();
        for (String table : List.of("dir_department order by id", "dir_user order by userid",
                "dir_membership order by department_id, userid", "dir_role order by role_key",
                "dir_role_permission order by role_key, permission", "dir_role_grant order by userid, role_key")) {
            List<Map<String, Object>> rows = jdbc.sql("select * from " + table.replace(" order", " where tenant_id = "
                    + t + " order")).query().listOfRows();
            all.append(table).append(rows).append('\n');
        }
        return all.toString();
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Alpha Secret", "Ada Secret", "Secret role");
    }

    @Test
    void everyEndpointAnswersNotFoundForAnotherOrganisationsObjects() {
        Org a = newOrganisation();
        Org b = newOrganisation();
        Api aApi = a.admin();
        long aDept = createDepartment(aApi, "Alpha Secret", null);
        long aVirtual = createVirtualDepartment(aApi, "Alpha Secret Project");
        String ada = createUser(aApi, json("userId", "ada-only-in-a", "name", "Ada Secret", "mobile", newMobile(),
                "hkid", "K602384(3)", "departmentIds", List.of(aDept)));
        aApi.post("/api/v1/departments/" + aVirtual + "/members", json("userIds", List.of(ada)));
        assertThat(aApi.post("/api/v1/roles", json("key", "secret-a", "name", "Secret role",
                "permissions", List.of("directory.read"))).status()).isEqualTo(201);
        Api bApi = b.admin();
        String bob = createUser(bApi, "Bob Bee");
        long bDept = createDepartment(bApi, "Beta", null);
        String before = snapshot(a);

        assertNotFound(bApi.get("/api/v1/departments/" + aDept));
        assertNotFound(bApi.get("/api/v1/departments?parentId=" + aDept));
        assertNotFound(bApi.patch("/api/v1/departments/" + aDept, json("name", "Taken over")));
        assertNotFound(bApi.patch("/api/v1/departments/" + aDept, json("parentId", bDept)));
        assertNotFound(bApi.delete("/api/v1/departments/" + aDept));
        assertNotFound(bApi.post("/api/v1/departments/" + aVirtual + "/dissolve", null));
        assertNotFound(bApi.get("/api/v1/departments/" + aDept + "/members"));
        assertNotFound(bApi.post("/api/v1/departments/" + aDept + "/members", json("userIds", List.of(bob))));
        assertNotFound(bApi.post("/api/v1/departments/" + aDept + "/members/me", null));
        assertNotFound(bApi.delete("/api/v1/departments/" + aDept + "/members/" + ada));

        assertNotFound(bApi.get("/api/v1/users/" + ada));
        assertNotFound(bApi.patch("/api/v1/users/" + ada, json("title", "Mole")));
        assertNotFound(bApi.post("/api/v1/users/" + ada + "/suspend", null));
        assertNotFound(bApi.post("/api/v1/users/" + ada + "/reactivate", null));
        assertNotFound(bApi.post("/api/v1/users/" + ada + "/leave", null));
        assertNotFound(bApi.get("/api/v1/users/" + ada + "/permissions"));
        assertNotFound(bApi.put("/api/v1/users/" + ada + "/roles", json("roleKeys", List.of("staff"))));
        assertNotFound(bApi.post("/api/v1/users/" + ada + "/protected-fields/mobile/reveal", null));
        assertNotFound(bApi.post("/api/v1/users/" + ada + "/protected-fields/hkid/reveal", null));

        assertNotFound(bApi.get("/api/v1/roles/secret-a"));
        assertNotFound(bApi.patch("/api/v1/roles/secret-a", json("name", "Mine now")));
        assertNotFound(bApi.delete("/api/v1/roles/secret-a"));

        // References to A's objects inside B's own requests are unknown, too.
        var underA = bApi.post("/api/v1/departments", json("name", "Inside A", "parentId", aDept));
        assertThat(underA.code()).isEqualTo("directory.department_unknown");
        assertThat(bApi.patch("/api/v1/departments/" + bDept, json("parentId", aDept)).code())
                .isEqualTo("directory.department_unknown");
        assertThat(bApi.post("/api/v1/departments/" + bDept + "/members", json("userIds", List.of(ada))).code())
                .isEqualTo("directory.user_unknown");
        assertThat(bApi.post("/api/v1/users", json("name", "Spy", "departmentIds", List.of(aDept))).code())
                .isEqualTo("directory.department_unknown");
        assertThat(bApi.post("/api/v1/users", json("name", "Spy", "managerUserId", ada)).code())
                .isEqualTo("directory.manager_unknown");
        assertThat(bApi.patch("/api/v1/users/" + bob, json("departmentIds", List.of(aDept))).code())
                .isEqualTo("directory.department_unknown");
        assertThat(bApi.put("/api/v1/users/" + bob + "/roles", json("roleKeys", List.of("secret-a"))).code())
                .isEqualTo("directory.role_unknown");
        assertThat(bApi.sendRaw("POST", "/api/v1/users/import", "name,departmentIds\nSpy," + aDept + "\n", "text/csv")
                .status()).isEqualTo(422);

        // Lists never include A's data.
        assertThat(bApi.get("/api/v1/departments").body()).doesNotContain("Alpha Secret");
        assertThat(bApi.get("/api/v1/users?departmentId=" + aDept).json().get("items")).isEmpty();
        assertThat(bApi.get("/api/v1/users?q=Ada").json().get("items")).isEmpty();
        assertThat(bApi.get("/api/v1/users?status=LEFT").json().get("items")).isEmpty();
        assertThat(texts(bApi.get("/api/v1/roles").json(), "key")).doesNotContain("secret-a");

        assertThat(snapshot(a)).isEqualTo(before);
        assertThat(aApi.get("/api/v1/users/" + ada).json().get("name").asText()).isEqualTo("Ada Secret");
    }

    @Test
    void theOperatorHasNoOrganisationToReadFrom() {
        Org a = newOrganisation();
        var tree = operator().get("/api/v1/departments");
        assertThat(tree.status()).isIn(403, 404);
        assertThat(operator().get("/api/v1/users/" + a.adminUserId()).status()).isIn(403, 404);
        assertThat(anonymous().get("/api/v1/departments").status()).isEqualTo(401);
    }
}
