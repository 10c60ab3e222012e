package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectedFieldsApiTest extends DirectoryApiTestSupport {

    private long reveals(Org org) {
        return count("select count(*) from cmp_audit_record where chain = ? and action like '%reveal%'",
                tenantId(org));
    }

    @Test
    void revealsInClearOnlyWithTheRightAndAuditsEachReveal() {
        Org org = newOrganisation();
        Api admin = org.admin();
        createUser(admin, json("userId", "amy", "name", "Amy", "mobile", "9123 4567", "hkid", "K602384(3)",
                "email", newEmail("amy")));

        var mobile = admin.post("/api/v1/users/amy/protected-fields/mobile/reveal", null);
        assertThat(mobile.status()).isEqualTo(200);
        assertThat(mobile.json().get("value").asText()).isEqualTo("+85291234567");
        assertThat(mobile.header("Cache-Control")).contains("no-store");
        assertThat(reveals(org)).isEqualTo(1);
        String audit = auditChanges(org).get(auditChanges(org).size() - 1);
        assertThat(audit).contains("mobile").doesNotContain("91234567");

        var hkid = admin.post("/api/v1/users/amy/protected-fields/hkid/reveal", null);
        assertThat(hkid.status()).isEqualTo(403);
        assertThat(hkid.code()).isEqualTo("compliance.reveal_forbidden");
        assertThat(hkid.body()).doesNotContain("K602384");
        assertThat(reveals(org)).isEqualTo(1);

        String hr = createUser(admin, json("name", "Helen HR", "email", newEmail("hr"), "roleKeys", List.of("hr")));
        Api hrApi = signInAs(org, hr);
        var profile = hrApi.get("/api/v1/users/amy").json();
        assertThat(profile.get("hkid").get("revealable").asBoolean()).isTrue();
        assertThat(profile.get("hkid").get("masked").asText()).isEqualTo("K602***(*)");
        assertThat(hrApi.post("/api/v1/users/amy/protected-fields/hkid/reveal", null).json().get("value").asText())
                .isEqualTo("K602384(3)");
        var unset = hrApi.post("/api/v1/users/amy/protected-fields/medicalNotes/reveal", null);
        assertThat(unset.status()).isEqualTo(200);
        assertThat(unset.json().has("value")).isFalse();
        assertThat(reveals(org)).isEqualTo(2);

        String staff = createUser(admin, json("name", "Sam Staff", "email", newEmail("staff")));
        Api staffApi = signInAs(org, staff);
        assertThat(staffApi.get("/api/v1/users/amy").json().get("mobile").get("revealable").asBoolean()).isFalse();
        var refused = staffApi.post("/api/v1/users/amy/protected-fields/mobile/reveal", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("compliance.reveal_forbidden");
        assertThat(refused.body()).doesNotContain("4567");
        var unsetButForbidden = staffApi.post("/api/v1/users/amy/protected-fields/medicalNotes/reveal", null);
        assertThat(unsetButForbidden.status()).isEqualTo(403);
    }

    @Test
    void unknownPeopleAndFieldsAreNotFound() {
        Org org = newOrganisation();
        var nobody = org.admin().post("/api/v1/users/nobody/protected-fields/mobile/reveal", null);
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.code()).isEqualTo("directory.user_not_found");
        var field = org.admin().post("/api/v1/users/" + org.adminUserId() + "/protected-fields/salary/reveal", null);
        assertThat(field.status()).isEqualTo(404);
        assertThat(field.code()).isEqualTo("directory.field_unknown");
        assertThat(reveals(org)).isZero();
    }
}
