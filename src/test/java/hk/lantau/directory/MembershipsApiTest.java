package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipsApiTest extends DirectoryApiTestSupport {

    private long memberships(Org org) {
        return count("select count(*) from dir_membership where tenant_id = ?", tenantId(org));
    }

    @Test
    void addsListsAndRemovesMembersWithAnAuditRecordEach() {
        Org org = newOrganisation();
        Api api = org.admin();
        long sales = createDepartment(api, "Sales", null);
        long marketing = createDepartment(api, "Marketing", null);
        String amy = createUser(api, json("userId", "amy", "name", "Amy Wong", "departmentIds", List.of(sales)));
        String ben = createUser(api, json("userId", "ben", "name", "Ben Chan", "departmentIds", List.of(sales)));
        String cat = createUser(api, json("userId", "cat", "name", "Cat Lau", "departmentIds", List.of(sales)));

        var added = api.post("/api/v1/departments/" + marketing + "/members",
                json("userIds", List.of(amy, ben, amy), "leader", true, "order", 7));
        assertThat(added.status()).isEqualTo(200);
        assertThat(texts(added.json().get("added"), null)).containsExactly(amy, ben);
        var again = api.post("/api/v1/departments/" + marketing + "/members",
                json("userIds", List.of(ben, cat), "order", 0));
        assertThat(texts(again.json().get("added"), null)).containsExactly(cat);
        assertThat(texts(again.json().get("alreadyMembers"), null)).containsExactly(ben);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/departments/" + marketing + "/members?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(m -> seen.add(m.get("userId").asText() + ":" + m.get("leader")));
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null);
        assertThat(seen).containsExactly(cat + ":false", amy + ":true", ben + ":true");

        assertThat(api.delete("/api/v1/departments/" + marketing + "/members/" + amy).status()).isEqualTo(204);
        assertThat(texts(api.get("/api/v1/users/" + amy).json().get("departmentIds"), null))
                .containsExactly(String.valueOf(sales));
        assertThat(auditCount(org, "directory.membership.added")).isEqualTo(3);
        assertThat(auditCount(org, "directory.membership.removed")).isEqualTo(1);
    }

    @Test
    void refusesToRemoveAPersonsLastRealDepartmentAndUnknownPeople() {
        Org org = newOrganisation();
        Api api = org.admin();
        long sales = createDepartment(api, "Sales", null);
        long project = createVirtualDepartment(api, "Project");
        String amy = createUser(api, "Amy Wong", sales);
        api.post("/api/v1/departments/" + project + "/members", json("userIds", List.of(amy)));
        long before = memberships(org);

        var last = api.delete("/api/v1/departments/" + sales + "/members/" + amy);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.code()).isEqualTo("directory.last_department");
        var notMember = api.delete("/api/v1/departments/1/members/" + amy);
        assertThat(notMember.status()).isEqualTo(404);
        var unknown = api.post("/api/v1/departments/" + sales + "/members", json("userIds", List.of(amy, "ghost")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("directory.user_unknown");
        assertThat(field(unknown, 0)).isEqualTo("userIds[1]");
        var empty = api.post("/api/v1/departments/" + sales + "/members", json("userIds", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(field(empty, 0)).isEqualTo("userIds");
        var missing = api.post("/api/v1/departments/424242424/members", json("userIds", List.of(amy)));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("directory.department_not_found");
        assertThat(memberships(org)).isEqualTo(before);

        assertThat(api.delete("/api/v1/departments/" + project + "/members/" + amy).status()).isEqualTo(204);
        var moved = api.patch("/api/v1/users/" + amy, json("departmentIds", List.of(1)));
        assertThat(texts(moved.json().get("departmentIds"), null)).containsExactly("1");
    }

    @Test
    void selfJoinIsOffByDefaultAndNeverReachesVirtualDepartments() {
        Org org = newOrganisation();
        Api admin = org.admin();
        long sales = createDepartment(admin, "Sales", null);
        long project = createVirtualDepartment(admin, "Project");
        String amy = createUser(admin, "Amy Wong", sales);
        Api person = signInAs(org, amy);
        long before = memberships(org);

        var off = person.post("/api/v1/departments/1/members/me", null);
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.code()).isEqualTo("directory.self_join_disabled");
        var byAdminRoute = person.post("/api/v1/departments/1/members", json("userIds", List.of(amy)));
        assertThat(byAdminRoute.status()).isEqualTo(403);
        assertThat(byAdminRoute.code()).isEqualTo("auth.permission_missing");
        var removeSelf = person.delete("/api/v1/departments/" + sales + "/members/" + amy);
        assertThat(removeSelf.status()).isEqualTo(403);
        assertThat(memberships(org)).isEqualTo(before);

        assertThat(admin.patch("/api/v1/org", json("selfJoinEnabled", true)).status()).isEqualTo(200);
        var virtual = person.post("/api/v1/departments/" + project + "/members/me", null);
        assertThat(virtual.status()).isEqualTo(403);
        assertThat(virtual.code()).isEqualTo("directory.self_join_virtual");
        var joined = person.post("/api/v1/departments/1/members/me", null);
        assertThat(joined.status()).isEqualTo(200);
        assertThat(texts(joined.json().get("added"), null)).containsExactly(amy);
        var otherPerson = person.post("/api/v1/departments/1/members", json("userIds", List.of(org.adminUserId())));
        assertThat(otherPerson.status()).isEqualTo(403);
        assertThat(memberships(org)).isEqualTo(before + 1);
        assertThat(auditChanges(org).get(auditChanges(org).size() - 1)).contains("\"selfJoin\":true");

        var adminJoinsVirtual = admin.post("/api/v1/departments/" + project + "/members/me", null);
        assertThat(adminJoinsVirtual.status()).isEqualTo(200);
    }
}
