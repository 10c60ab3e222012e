package hk.lantau.openplatform;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An app reaches exactly the endpoints its scopes name, never people-only ones, and nothing undeclared. */
class ScopeEnforcementApiTest extends OpenPlatformApiTestSupport {

    @Test
    void anAppCallsOnlyWhatItsScopesAllow() {
        Org org = newOrganisation();
        Api app = asApp(register(org.admin(), "Reader", "user.read"));

        assertThat(app.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(app.get("/api/v1/users/" + org.adminUserId()).status()).isEqualTo(200);

        var create = app.post("/api/v1/users", Map.of("name", "Nobody"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("openplatform.scope_missing");
        assertThat(create.json().get("scope").asText()).isEqualTo("user.write");
        assertThat(create.json().get("detail").asText()).contains("user.write");
        var departments = app.get("/api/v1/departments");
        assertThat(departments.code()).isEqualTo("openplatform.scope_missing");
        assertThat(departments.json().get("scope").asText()).isEqualTo("department.read");
        assertThat(app.get("/api/v1/audit").json().get("scope").asText()).isEqualTo("audit.read");
        assertThat(jdbc.sql("select count(*) from dir_user where name = 'Nobody'").query(Long.class).single()).isZero();
    }

    @Test
    void peopleOnlyEndpointsAndPagesRefuseEveryApp() {
        Org org = newOrganisation();
        Api app = asApp(register(org.admin(), "Everything", "user.read", "user.write", "department.read",
                "department.write", "role.read", "role.write", "audit.read", "event.subscribe"));

        for (String path : List.of("/api/v1/me", "/api/v1/apps", "/api/v1/org", "/api/v1/security-settings",
                "/api/v1/auth/sessions", "/api/v1/auth/mfa", "/api/v1/organisations")) {
            var refused = app.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).as(path).isEqualTo("openplatform.people_only");
        }
        var register = app.post("/api/v1/apps", Map.of("name", "Child", "purpose", "x", "scopes", List.of("user.read")));
        assertThat(register.code()).isEqualTo("openplatform.people_only");
        var join = app.post("/api/v1/departments/1/members/me", null);
        assertThat(join.code()).isEqualTo("openplatform.people_only");
        assertThat(app.get("/admin/users").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from opf_app where name = 'Child'").query(Long.class).single()).isZero();
    }

    @Test
    void roleReadersSeeRolesButCannotChangeThem() {
        Org org = newOrganisation();
        Api app = asApp(register(org.admin(), "Role viewer", "role.read"));

        assertThat(app.get("/api/v1/roles").status()).isEqualTo(200);
        assertThat(app.get("/api/v1/roles/admin").json().get("key").asText()).isEqualTo("admin");
        assertThat(app.get("/api/v1/users/" + org.adminUserId() + "/permissions").status()).isEqualTo(200);
        var create = app.post("/api/v1/roles", Map.of("key", "sneaky", "name", "Sneaky", "permissions",
                List.of("apps.manage")));
        assertThat(create.json().get("scope").asText()).isEqualTo("role.write");
        var grant = app.put("/api/v1/users/" + org.adminUserId() + "/roles", Map.of("roleKeys", List.of("staff")));
        assertThat(grant.json().get("scope").asText()).isEqualTo("role.write");
    }

    @Test
    void narrowingAnAppsScopesAppliesToItsTokensAtOnce() {
        Org org = newOrganisation();
        App registered = register(org.admin(), "Shrinking", "user.read", "department.read");
        Api app = asApp(registered);
        assertThat(app.get("/api/v1/departments").status()).isEqualTo(200);

        var changed = org.admin().patch("/api/v1/apps/" + registered.id(), Map.of("scopes", List.of("user.read")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        assertThat(app.get("/api/v1/departments").code()).isEqualTo("openplatform.scope_missing");
        assertThat(app.get("/api/v1/users").status()).isEqualTo(200);
    }
}
