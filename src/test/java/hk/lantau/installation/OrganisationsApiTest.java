package hk.lantau.installation;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.ApiTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrganisationsApiTest extends ApiTestSupport {

    private long organisationCount() {
        return jdbc.sql("select count(*) from tenant").query(Long.class).single();
    }

    private static Map<String, Object> request(String name, String email) {
        return Map.of("name", name, "admin", Map.of("name", "陳大文 Chan Tai Man", "email", email));
    }

    @Test
    void operatorCreatesAnOrganisationWithDefaultsAndAFirstAdmin() {
        String name = "Harbour Logistics " + UUID.randomUUID();
        String email = "it-" + UUID.randomUUID() + "@harbour.hk";
        var created = operator().post("/api/v1/organisations", request(name, email));

        assertThat(created.status()).isEqualTo(201);
        var org = created.json().get("organisation");
        assertThat(org.get("corpId").asText()).matches("ding[0-9a-f]{16}");
        assertThat(org.get("region").asText()).isEqualTo("HK");
        assertThat(org.get("timeZone").asText()).isEqualTo("Asia/Hong_Kong");
        assertThat(org.get("edition").asText()).isEqualTo("FREE");
        String link = created.json().get("adminSetupLink").asText();
        assertThat(link).contains("/setup/");

        setPassword(link, PASSWORD);
        var admin = as(email, PASSWORD);
        var me = admin.get("/api/v1/me").json();
        assertThat(me.get("corpId").asText()).isEqualTo(org.get("corpId").asText());
        assertThat(me.get("userId").asText()).isEqualTo(created.json().get("adminUserId").asText());
        assertThat(me.get("permissions")).extracting(n -> n.asText()).contains("directory.write", "audit.read");

        var orgView = admin.get("/api/v1/org");
        assertThat(orgView.json().get("name").asText()).isEqualTo(name);
        assertThat(operator().get("/api/v1/organisations/" + org.get("corpId").asText()).status()).isEqualTo(200);
    }

    @Test
    void aSetupLinkWorksOnce() {
        var created = operator().post("/api/v1/organisations",
                request("Once Ltd " + UUID.randomUUID(), "once-" + UUID.randomUUID() + "@once.hk"));
        String link = created.json().get("adminSetupLink").asText();
        setPassword(link, PASSWORD);

        String token = link.substring(link.lastIndexOf('/') + 1);
        var again = anonymous().post("/api/v1/auth/links/" + token + "/password", Map.of("password", "Another-Pass-99"));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("identity.link_invalid");
    }

    @Test
    void onlyTheOperatorSeesOrganisations() {
        Org org = newOrganisation();
        assertThat(org.admin().get("/api/v1/organisations").status()).isEqualTo(404);
        assertThat(org.admin().get("/api/v1/organisations/" + org.corpId()).status()).isEqualTo(404);
        var attempt = org.admin().post("/api/v1/organisations", request("Sneaky " + UUID.randomUUID(),
                "sneaky-" + UUID.randomUUID() + "@x.hk"));
        assertThat(attempt.status()).isEqualTo(404);
        assertThat(operator().get("/api/v1/organisations/dingffffffffffffffff").status()).isEqualTo(404);
    }

    @Test
    void anAdminSeesOnlyTheirOwnOrganisation() {
        Org a = newOrganisation();
        Org b = newOrganisation();
        assertThat(a.admin().get("/api/v1/org").json().get("corpId").asText()).isEqualTo(a.corpId());
        assertThat(b.admin().get("/api/v1/org").json().get("corpId").asText()).isEqualTo(b.corpId());

        var changed = b.admin().patch("/api/v1/org", Map.of("selfJoinEnabled", true));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("selfJoinEnabled").asBoolean()).isTrue();
        assertThat(a.admin().get("/api/v1/org").json().get("selfJoinEnabled").asBoolean()).isFalse();
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        long before = organisationCount();
        var api = operator();

        var malformed = api.sendRaw("POST", "/api/v1/organisations", "{\"name\": ", "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");

        var unknown = api.post("/api/v1/organisations", Map.of("name", "X", "colour", "red",
                "admin", Map.of("name", "A", "email", "a@x.hk")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("request.unknown_field");
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("colour");

        var missingAdmin = api.post("/api/v1/organisations", Map.of("name", "No Admin Ltd"));
        assertThat(missingAdmin.status()).isEqualTo(400);
        assertThat(missingAdmin.json().get("errors").get(0).get("field").asText()).isEqualTo("admin");

        var overlong = api.post("/api/v1/organisations", request("x".repeat(201), "long@x.hk"));
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().get("errors").get(0).get("field").asText()).isEqualTo("name");

        var zone = api.post("/api/v1/organisations", Map.of("name", "Zone Ltd", "timeZone", "Mars/Olympus",
                "admin", Map.of("name", "A", "email", "zone@x.hk")));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.code()).isEqualTo("tenant.time_zone_invalid");

        var edition = api.post("/api/v1/organisations", Map.of("name", "Edition Ltd", "edition", "GOLD",
                "admin", Map.of("name", "A", "email", "edition@x.hk")));
        assertThat(edition.status()).isEqualTo(400);
        assertThat(edition.code()).isEqualTo("tenant.edition_invalid");

        assertThat(organisationCount()).isEqualTo(before);
    }

    @Test
    void aFailedProvisioningLeavesNoHalfCreatedOrganisation() {
        Org existing = newOrganisation();
        long before = organisationCount();
        String name = "Duplicate Admin Ltd " + UUID.randomUUID();

        var response = operator().post("/api/v1/organisations", request(name, existing.adminEmail()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("identity.login_taken");
        assertThat(organisationCount()).isEqualTo(before);

        var duplicateName = operator().post("/api/v1/organisations",
                request(operator().get("/api/v1/organisations/" + existing.corpId()).json().get("name").asText(),
                        "dup-" + UUID.randomUUID() + "@x.hk"));
        assertThat(duplicateName.status()).isEqualTo(409);
        assertThat(duplicateName.code()).isEqualTo("tenant.name_taken");
    }
}
