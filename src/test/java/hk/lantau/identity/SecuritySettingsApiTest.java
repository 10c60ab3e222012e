package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.compliance.AuditEntry;
import hk.lantau.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuritySettingsApiTest extends IdentityTestSupport {

    @Test
    void anOrganisationStartsWithTheDefaults() {
        Org org = newOrganisation();
        var settings = org.admin().get("/api/v1/security-settings");
        assertThat(settings.status()).isEqualTo(200);
        JsonNode body = settings.json();
        assertThat(body.get("mfaRequiredRoles")).extracting(JsonNode::asText).containsExactly("admin", "dpo", "hr");
        assertThat(body.get("lockoutThreshold").asInt()).isEqualTo(5);
        assertThat(body.get("lockoutMinutes").asInt()).isEqualTo(15);
        assertThat(body.get("sessionIdleTimeoutMinutes").asInt()).isEqualTo(480);
    }

    @Test
    void changesAreKeptAndAudited() {
        Org org = newOrganisation();
        var changed = org.admin().patch("/api/v1/security-settings", Map.of("lockoutThreshold", 8,
                "lockoutMinutes", 30, "mfaRequiredRoles", List.of("admin", "Manager")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode body = org.admin().get("/api/v1/security-settings").json();
        assertThat(body.get("lockoutThreshold").asInt()).isEqualTo(8);
        assertThat(body.get("lockoutMinutes").asInt()).isEqualTo(30);
        assertThat(body.get("sessionIdleTimeoutMinutes").asInt()).isEqualTo(480);
        assertThat(body.get("mfaRequiredRoles")).extracting(JsonNode::asText).containsExactly("admin", "manager");

        List<AuditEntry> records = audit(org, "identity.security_settings.changed");
        assertThat(records).hasSize(1);
        JsonNode changes = changes(records.get(0));
        assertThat(changes.get("lockoutThreshold").get("from").asInt()).isEqualTo(5);
        assertThat(changes.get("lockoutThreshold").get("to").asInt()).isEqualTo(8);
        assertThat(changes.has("sessionIdleTimeoutMinutes")).isFalse();
        assertThat(records.get(0).actorReference()).isEqualTo("user:" + org.adminUserId());

        org.admin().patch("/api/v1/security-settings", Map.of("lockoutThreshold", 8));
        assertThat(audit(org, "identity.security_settings.changed")).as("no change, no record").hasSize(1);
    }

    @Test
    void valuesOutsideTheirRangesAreRefusedWithTheFields() {
        Org org = newOrganisation();
        Api admin = org.admin();
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("lockoutThreshold", 2),
                Map.of("lockoutThreshold", 21), Map.of("lockoutMinutes", 0), Map.of("lockoutMinutes", 1441),
                Map.of("sessionIdleTimeoutMinutes", 4), Map.of("mfaRequiredRoles", List.of("has space")))) {
            var refused = admin.patch("/api/v1/security-settings", body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("identity.security_settings_invalid");
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo(body.keySet().iterator().next());
        }
        assertThat(admin.patch("/api/v1/security-settings", Map.of("lockoutThreshold", 3, "lockoutMinutes", 1440))
                .status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/security-settings", Map.of("lockoutThreshold", 20, "lockoutMinutes", 1))
                .status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/security-settings", Map.of("passwordLength", 3)).code())
                .isEqualTo("request.unknown_field");
    }

    @Test
    void theIdleTimeoutAppliesToSessionsThatAlreadyExist() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        Api session = as(person.email(), PASSWORD);
        assertThat(org.admin().patch("/api/v1/security-settings", Map.of("sessionIdleTimeoutMinutes", 30)).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(session.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void readingAndChangingNeedsThePermission() {
        Org org = newOrganisation();
        Person hr = newPerson(org, "hr");
        Api hrApi = as(hr.email(), PASSWORD);
        assertThat(hrApi.get("/api/v1/security-settings").code()).isEqualTo("auth.permission_missing");
        assertThat(hrApi.patch("/api/v1/security-settings", Map.of("lockoutThreshold", 20)).status()).isEqualTo(403);
        assertThat(org.admin().get("/api/v1/security-settings").json().get("lockoutThreshold").asInt()).isEqualTo(5);
    }

    @Test
    void theIdentityEndpointsAreInTheApiDocs() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/security-settings", "/api/v1/auth/sessions/mfa",
                "/api/v1/auth/mfa/enrolment", "/api/v1/auth/mfa/enrolment/confirm", "/api/v1/auth/sessions/{sessionId}",
                "/api/v1/users/{userId}/sessions", "/api/v1/users/{userId}/sessions/{sessionId}",
                "/api/v1/users/{userId}/password-reset", "/api/v1/users/{userId}/mfa");
    }
}
