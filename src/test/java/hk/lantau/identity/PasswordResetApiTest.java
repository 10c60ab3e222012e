package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordResetApiTest extends IdentityTestSupport {

    private static final String NEW_PASSWORD = "Another-Secret-77";

    @Test
    void aNewcomerGetsAnAccountAndASingleUseSignInLink() {
        Org org = newOrganisation();
        String userId = newDirectoryEntry(org);
        var issued = org.admin().post("/api/v1/users/" + userId + "/password-reset", Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode body = issued.json();
        assertThat(body.get("purpose").asText()).isEqualTo("SETUP");
        assertThat(body.get("accountCreated").asBoolean()).isTrue();
        assertThat(body.get("expiresAt").asText()).isNotBlank();
        String link = body.get("link").asText();
        assertThat(link).contains("/setup/");

        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(anonymous().post("/api/v1/auth/links/" + token + "/password", Map.of("password", PASSWORD))
                .status()).isEqualTo(204);
        var reused = anonymous().post("/api/v1/auth/links/" + token + "/password", Map.of("password", NEW_PASSWORD));
        assertThat(reused.status()).isEqualTo(404);
        assertThat(reused.code()).isEqualTo("identity.link_invalid");

        String email = org.admin().get("/api/v1/users/" + userId).json().get("email").asText();
        assertThat(signInRaw(email, PASSWORD).status()).isEqualTo(201);
        assertThat(audit(org, "identity.account.created")).extracting(e -> e.targetId()).contains(userId);
        assertThat(audit(org, "identity.link.issued")).allSatisfy(e -> assertThat(e.changes()).doesNotContain(token));
    }

    @Test
    void usingAResetLinkEndsEverySession() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        Api laptop = as(person.email(), PASSWORD);
        Api phone = signInWith(FIREFOX, person.email());

        var issued = org.admin().post("/api/v1/users/" + person.userId() + "/password-reset", Map.of());
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("purpose").asText()).isEqualTo("RESET");
        assertThat(issued.json().get("accountCreated").asBoolean()).isFalse();
        assertThat(laptop.get("/api/v1/me").status()).as("issuing alone ends nothing").isEqualTo(200);

        String link = issued.json().get("link").asText();
        assertThat(link).contains("/reset/");
        setPassword(link, NEW_PASSWORD);
        assertThat(laptop.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(signInRaw(person.email(), PASSWORD).status()).isEqualTo(401);
        assertThat(signInRaw(person.email(), NEW_PASSWORD).status()).isEqualTo(201);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(anonymous().post("/api/v1/auth/links/" + token + "/password", Map.of("password", PASSWORD))
                .code()).isEqualTo("identity.link_invalid");
    }

    @Test
    void aNewLinkReplacesAnUnusedOne() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        String first = org.admin().post("/api/v1/users/" + person.userId() + "/password-reset", Map.of())
                .json().get("link").asText();
        String second = org.admin().post("/api/v1/users/" + person.userId() + "/password-reset", Map.of())
                .json().get("link").asText();
        String firstToken = first.substring(first.lastIndexOf('/') + 1);
        assertThat(anonymous().post("/api/v1/auth/links/" + firstToken + "/password",
                Map.of("password", NEW_PASSWORD)).status()).isEqualTo(404);
        setPassword(second, NEW_PASSWORD);
    }

    @Test
    void nobodyResetsAPersonWhoHoldsPermissionsTheyLack() {
        Org org = newOrganisation();
        Person hr = newPerson(org, "hr");
        Person staff = newPerson(org);
        Api hrApi = as(hr.email(), PASSWORD);
        var refused = hrApi.post("/api/v1/users/" + org.adminUserId() + "/password-reset", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("identity.target_more_privileged");
        assertThat(hrApi.post("/api/v1/users/" + staff.userId() + "/password-reset", Map.of()).status())
                .isEqualTo(201);
        assertThat(org.admin().post("/api/v1/users/" + hr.userId() + "/password-reset", Map.of()).status())
                .as("an admin may grant roles, so may reset anyone").isEqualTo(201);
    }

    @Test
    void suspendedPeopleGetNoLink() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        assertThat(org.admin().post("/api/v1/users/" + person.userId() + "/suspend", Map.of()).status())
                .isEqualTo(200);
        var refused = org.admin().post("/api/v1/users/" + person.userId() + "/password-reset", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("identity.user_inactive");
    }

    @Test
    void unknownPeopleAreNotFound() {
        Org org = newOrganisation();
        var missing = org.admin().post("/api/v1/users/nobody-here/password-reset", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("identity.user_not_found");
    }
}
