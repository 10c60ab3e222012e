package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.compliance.FieldProtection;
import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.PersonalDataContributor;
import hk.lantau.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;

/** The directory's side of data-access requests, erasure and key rotation. */
class DirectoryPersonalDataTest extends DirectoryApiTestSupport {

    @Autowired
    private List<PersonalDataContributor> contributors;

    @Autowired
    private List<ReencryptionParticipant> participants;

    @Autowired
    private FieldProtection protection;

    private PersonalDataContributor directory() {
        return contributors.stream().filter(c -> c.section().equals("directory")).findFirst().orElseThrow();
    }

    private ReencryptionParticipant directoryParticipant() {
        return participants.stream()
                .filter(p -> AopUtils.getTargetClass(p).getPackageName().startsWith("hk.lantau.directory"))
                .findFirst().orElseThrow();
    }

    private String setUpPerson(Org org) {
        Api api = org.admin();
        long finance = createDepartment(api, "Finance", null);
        long project = createVirtualDepartment(api, "Project");
        createUser(api, json("userId", "amy", "name", "Amy Wong", "email", newEmail("amy"), "mobile", "9123 4567",
                "hkid", "K602384(3)", "medicalNotes", "Asthma", "title", "Clerk", "departmentIds",
                List.of(finance, project), "roleKeys", List.of("staff", "manager")));
        api.post("/api/v1/departments/" + project + "/members", json("userIds", List.of("amy"), "leader", true));
        return "amy";
    }

    @SuppressWarnings("unchecked")
    @Test
    void exportsTheProfileInClearWithMembershipsAndRoles() {
        Org org = newOrganisation();
        setUpPerson(org);

        Map<String, Object> export = ActorScope.callAs(Actor.system(tenantId(org), "test"),
                () -> directory().export(tenantId(org), "amy"));

        Map<String, Object> profile = (Map<String, Object>) export.get("profile");
        assertThat(profile).containsEntry("name", "Amy Wong").containsEntry("mobile", "+85291234567")
                .containsEntry("hkid", "K602384(3)").containsEntry("medicalNotes", "Asthma")
                .containsEntry("title", "Clerk");
        assertThat((List<Map<String, Object>>) export.get("memberships")).extracting(m -> m.get("departmentName"))
                .containsExactlyInAnyOrder("Finance", "Project");
        assertThat((List<Map<String, Object>>) export.get("roles")).extracting(r -> r.get("key"))
                .containsExactlyInAnyOrder("staff", "manager");
        assertThat(directory().export(tenantId(org), "nobody")).isEmpty();
        Org other = newOrganisation();
        assertThat(directory().export(tenantId(other), "amy")).isEmpty();
    }

    @Test
    void erasureAnonymisesTheProfileAndKeepsTheUserid() {
        Org org = newOrganisation();
        setUpPerson(org);
        Api amy = signInAs(org, "amy");
        assertThat(amy.get("/api/v1/users/amy").status()).isEqualTo(200);

        PersonalDataContributor.ErasureResult result = ActorScope.callAs(Actor.system(tenantId(org), "test"),
                () -> directory().erase(tenantId(org), "amy"));

        assertThat(result.section()).isEqualTo("directory");
        assertThat(result.anonymised()).isEqualTo(1);
        assertThat(result.erased()).isEqualTo(2 + 2 + 3);
        assertThat(result.retained()).containsKey("userId");
        Map<String, Object> row = jdbc.sql("select * from dir_user where tenant_id = :t and userid = 'amy'")
                .param("t", tenantId(org)).query().singleRow();
        assertThat(row.get("name")).isEqualTo("Erased user");
        assertThat(row.get("status")).isEqualTo("LEFT");
        assertThat(row.get("erased_at")).isNotNull();
        for (String column : List.of("email", "email_key", "title", "mobile_cipher", "mobile_index", "hkid_cipher",
                "hkid_index", "medical_notes_cipher")) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(count("select count(*) from dir_membership where tenant_id = ? and userid = 'amy'",
                tenantId(org))).isZero();
        assertThat(count("select count(*) from dir_role_grant where tenant_id = ? and userid = 'amy'",
                tenantId(org))).isZero();
        assertThat(amy.get("/api/v1/users/amy").status()).isEqualTo(401);
        assertThat(auditCount(org, "directory.user.erased")).isEqualTo(1);
        assertThat(String.join("\n", auditChanges(org))).doesNotContain("K602384", "Asthma", "91234567");
        assertThat(org.admin().patch("/api/v1/users/amy", json("title", "Back")).code())
                .isEqualTo("directory.user_erased");

        var again = ActorScope.callAs(Actor.system(tenantId(org), "test"), () -> directory().erase(tenantId(org), "amy"));
        assertThat(again.anonymised()).isZero();
    }

    @Test
    void keyRotationReencryptsEveryProtectedValueOfThePeopleTable() {
        Org org = newOrganisation();
        setUpPerson(org);
        String before = jdbc.sql("select hkid_cipher from dir_user where tenant_id = :t and userid = 'amy'")
                .param("t", tenantId(org)).query(String.class).single();
        long stored = count("""
                select count(mobile_cipher) + count(hkid_cipher) + count(home_address_cipher)
                     + count(bank_account_cipher) + count(emergency_contact_cipher) + count(medical_notes_cipher)
                  from dir_user""");

        int rewritten = directoryParticipant().reencryptAll(
                (tenant, field, cipher) -> protection.encrypt(tenant, field, protection.decrypt(tenant, field, cipher)));

        assertThat(rewritten).isEqualTo(stored);
        String after = jdbc.sql("select hkid_cipher from dir_user where tenant_id = :t and userid = 'amy'")
                .param("t", tenantId(org)).query(String.class).single();
        assertThat(after).isNotEqualTo(before);
        assertThat(org.admin().get("/api/v1/users/amy").json().get("mobile").get("masked").asText())
                .isEqualTo("+852 9***4567");
        assertThat(org.admin().post("/api/v1/users/amy/protected-fields/mobile/reveal", null).json()
                .get("value").asText()).isEqualTo("+85291234567");
    }
}
