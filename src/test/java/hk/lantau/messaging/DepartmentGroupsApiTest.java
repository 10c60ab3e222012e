package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepartmentGroupsApiTest extends MessagingApiTestSupport {

    @Test
    void aDepartmentGroupFollowsTheDirectory() {
        Org org = newOrganisation();
        Person admin = admin(org);
        long sales = createDepartment(org.admin(), "Sales", 1L);
        String amy = createUser(org.admin(), "Amy Sales", sales);
        String bob = createUser(org.admin(), "Bob Sales", sales, 1L);
        Person ann = person(org, "Ann Chan");

        var created = admin.api().post("/api/v1/conversations/department-groups", json("departmentId", sales));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String group = created.json().get("id").asText();
        assertThat(created.json().get("kind").asText()).isEqualTo("DEPARTMENT");
        assertThat(created.json().get("name").asText()).isEqualTo("Sales");
        assertThat(memberIds(admin, group)).containsExactlyInAnyOrder(admin.userId(), amy, bob);
        assertThat(auditCount(org, "messaging.department_group.created")).isEqualTo(1);

        var joined = org.admin().post("/api/v1/departments/" + sales + "/members",
                json("userIds", List.of(ann.userId())));
        assertThat(joined.status()).as(joined.body()).isIn(200, 201);
        assertThat(memberIds(admin, group)).contains(ann.userId());
        assertThat(ann.api().get("/api/v1/conversations/" + group + "/messages").json().get("items"))
                .extracting(m -> m.get("content").get("text").asText()).anyMatch(t -> t.contains("Ann Chan"));

        var removed = org.admin().delete("/api/v1/departments/" + sales + "/members/" + bob);
        assertThat(removed.status()).as(removed.body()).isIn(200, 204);
        assertThat(memberIds(admin, group)).doesNotContain(bob);

        var manual = admin.api().post("/api/v1/conversations/" + group + "/members",
                json("userIds", List.of(bob)));
        assertThat(manual.code()).isEqualTo("messaging.department_group_managed");
        var twice = admin.api().post("/api/v1/conversations/department-groups", json("departmentId", sales));
        assertThat(twice.code()).isEqualTo("messaging.department_group_exists");
    }

    @Test
    void onlyDirectoryWritersCreateDepartmentGroupsAndOnlyForTheirOwnOrganisation() {
        Org org = newOrganisation();
        long sales = createDepartment(org.admin(), "Sales", 1L);
        Person ann = person(org, "Ann Chan");
        Org other = newOrganisation();

        var byStaff = ann.api().post("/api/v1/conversations/department-groups", json("departmentId", sales));
        var crossTenant = other.admin().post("/api/v1/conversations/department-groups", json("departmentId", sales));

        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(crossTenant.status()).isEqualTo(404);
        assertThat(count("select count(*) from msg_conversation where department_id = ?", sales)).isZero();
    }

    private List<String> memberIds(Person viewer, String group) {
        JsonNode members = viewer.api().get("/api/v1/conversations/" + group + "/members").json();
        return texts(members, "userId");
    }
}
