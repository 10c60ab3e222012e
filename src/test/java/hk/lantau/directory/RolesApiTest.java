package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolesApiTest extends DirectoryApiTestSupport {

    private JsonNode role(Api api, String key) {
        return api.get("/api/v1/roles/" + key).json();
    }

    @Test
    void everyOrganisationStartsWithTheRoleTemplates() {
        Org org = newOrganisation();
        var roles = org.admin().get("/api/v1/roles");

        assertThat(roles.status()).isEqualTo(200);
        assertThat(texts(roles.json(), "key")).containsExactly("admin", "dpo", "hr", "manager", "staff");
        assertThat(texts(role(org.admin(), "admin").get("permissions"), null)).containsExactlyInAnyOrder(
                "directory.read", "directory.write", "directory.import", "directory.membership", "roles.manage",
                "org.settings", "security.settings", "sessions.manage", "identity.reset", "audit.read",
                "audit.export", "pii.reveal.mobile", "pii.reveal.emergency_contact", "apps.manage",
                "messaging.moderate", "messaging.notify", "approval.templates", "approval.read", "approval.manage",
                "attendance.manage", "attendance.read", "forms.manage", "forms.read");
        assertThat(texts(role(org.admin(), "hr").get("permissions"), null)).contains("pii.reveal.hkid",
                "pii.reveal.medical", "pii.reveal.bank_account", "pii.reveal.address").doesNotContain("roles.manage");
        assertThat(texts(role(org.admin(), "dpo").get("permissions"), null)).containsExactlyInAnyOrder(
                "directory.read", "audit.read", "audit.export", "privacy.requests");
        assertThat(texts(role(org.admin(), "staff").get("permissions"), null)).containsExactly("directory.read");
        assertThat(role(org.admin(), "manager").get("builtIn").asBoolean()).isTrue();

        var catalogue = org.admin().get("/api/v1/permissions");
        assertThat(texts(catalogue.json(), "key")).contains("directory.read", "pii.reveal.medical")
                .doesNotContain("operator.organisations");
    }

    @Test
    void adminsCreateChangeGrantAndDeleteCustomRoles() {
        Org org = newOrganisation();
        Api api = org.admin();
        String amy = createUser(api, "Amy Wong");

        var created = api.post("/api/v1/roles", json("key", "payroll", "name", "Payroll clerk",
                "permissions", List.of("directory.read", "pii.reveal.bank_account")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/roles/payroll");
        assertThat(created.json().get("builtIn").asBoolean()).isFalse();

        var changed = api.patch("/api/v1/roles/payroll", json("name", "Payroll",
                "permissions", List.of("directory.read", "pii.reveal.bank_account", "pii.reveal.address")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(texts(changed.json().get("permissions"), null)).hasSize(3);

        var assigned = api.put("/api/v1/users/" + amy + "/roles", json("roleKeys", List.of("staff", "payroll")));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(texts(assigned.json().get("roles"), "key")).containsExactlyInAnyOrder("staff", "payroll");
        assertThat(texts(assigned.json().get("permissions"), null)).containsExactlyInAnyOrder("directory.read",
                "pii.reveal.bank_account", "pii.reveal.address");

        Api person = signInAs(org, amy);
        assertThat(texts(person.get("/api/v1/users/" + amy + "/permissions").json().get("permissions"), null))
                .contains("pii.reveal.bank_account");
        var others = person.get("/api/v1/users/" + org.adminUserId() + "/permissions");
        assertThat(others.status()).isEqualTo(403);
        assertThat(person.get("/api/v1/roles").status()).isEqualTo(403);

        var inUse = api.delete("/api/v1/roles/payroll");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo("directory.role_in_use");
        assertThat(api.put("/api/v1/users/" + amy + "/roles", json("roleKeys", List.of("staff"))).status())
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/roles/payroll").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/roles/payroll").status()).isEqualTo(404);

        assertThat(auditCount(org, "directory.role.created")).isEqualTo(1);
        assertThat(auditCount(org, "directory.role.changed")).isEqualTo(1);
        assertThat(auditCount(org, "directory.role.granted")).isEqualTo(1);
        assertThat(auditCount(org, "directory.role.revoked")).isEqualTo(1);
        assertThat(auditCount(org, "directory.role.deleted")).isEqualTo(1);
    }

    @Test
    void rolesReadShowsRolesAndWhoHoldsThemButChangesNothing() {
        Org org = newOrganisation();
        Api api = org.admin();
        String ken = createUser(api, "Ken Lau");
        assertThat(api.post("/api/v1/roles", json("key", "auditor", "name", "Role auditor",
                "permissions", List.of("roles.read"))).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/users/" + ken + "/roles", json("roleKeys", List.of("staff", "auditor")))
                .status()).isEqualTo(200);

        Api auditor = signInAs(org, ken);
        assertThat(auditor.get("/api/v1/roles").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/roles/admin").json().get("key").asText()).isEqualTo("admin");
        assertThat(auditor.get("/api/v1/users/" + org.adminUserId() + "/permissions").status()).isEqualTo(200);
        var create = auditor.post("/api/v1/roles", json("key", "mine", "name", "Mine", "permissions", List.of()));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("auth.permission_missing");
        assertThat(auditor.put("/api/v1/users/" + ken + "/roles", json("roleKeys", List.of("admin"))).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/roles/mine").status()).isEqualTo(404);
    }

    @Test
    void builtInRolesAndTheLastAdminAreProtected() {
        Org org = newOrganisation();
        Api api = org.admin();
        String before = api.get("/api/v1/roles/admin").body();

        var change = api.patch("/api/v1/roles/admin", json("permissions", List.of("directory.read")));
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.code()).isEqualTo("directory.role_built_in");
        var delete = api.delete("/api/v1/roles/staff");
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.code()).isEqualTo("directory.role_built_in");

        var lastAdmin = api.put("/api/v1/users/" + org.adminUserId() + "/roles", json("roleKeys", List.of("staff")));
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.code()).isEqualTo("directory.last_admin");
        var suspendSelf = api.post("/api/v1/users/" + org.adminUserId() + "/suspend", null);
        assertThat(suspendSelf.status()).isEqualTo(409);
        assertThat(suspendSelf.code()).isEqualTo("directory.last_admin");

        assertThat(api.get("/api/v1/roles/admin").body()).isEqualTo(before);

        String second = createUser(api, "Second Admin");
        api.put("/api/v1/users/" + second + "/roles", json("roleKeys", List.of("admin")));
        assertThat(api.put("/api/v1/users/" + org.adminUserId() + "/roles", json("roleKeys", List.of("hr")))
                .status()).isEqualTo(200);
        var afterDemotion = api.get("/api/v1/roles/admin");
        assertThat(afterDemotion.status()).as("a role change applies to the open session at once").isEqualTo(403);
        assertThat(afterDemotion.code()).isEqualTo("auth.permission_missing");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Org org = newOrganisation();
        Api api = org.admin();
        String amy = createUser(api, "Amy Wong");
        long roles = count("select count(*) from dir_role where tenant_id = ?", tenantId(org));
        long grants = count("select count(*) from dir_role_grant where tenant_id = ?", tenantId(org));

        var badKey = api.post("/api/v1/roles", json("key", "Pay Roll", "name", "P", "permissions", List.of()));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.code()).isEqualTo("directory.role_key_invalid");
        var taken = api.post("/api/v1/roles", json("key", "hr", "name", "HR 2", "permissions", List.of()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("directory.role_key_taken");
        var unknownPermission = api.post("/api/v1/roles", json("key", "x", "name", "X",
                "permissions", List.of("directory.read", "launch.rockets")));
        assertThat(unknownPermission.status()).isEqualTo(400);
        assertThat(field(unknownPermission, 0)).isEqualTo("permissions[1]");
        var operatorOnly = api.post("/api/v1/roles", json("key", "x", "name", "X",
                "permissions", List.of("operator.organisations")));
        assertThat(operatorOnly.status()).isEqualTo(400);
        assertThat(operatorOnly.code()).isEqualTo("directory.permission_unknown");
        var missingPermissions = api.post("/api/v1/roles", json("key", "x", "name", "X"));
        assertThat(missingPermissions.status()).isEqualTo(400);
        assertThat(field(missingPermissions, 0)).isEqualTo("permissions");
        var longName = api.post("/api/v1/roles", json("key", "x", "name", "n".repeat(101), "permissions", List.of()));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(field(longName, 0)).isEqualTo("name");
        var unknownRole = api.put("/api/v1/users/" + amy + "/roles", json("roleKeys", List.of("staff", "ghost")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(field(unknownRole, 0)).isEqualTo("roleKeys[1]");
        var unknownUser = api.put("/api/v1/users/ghost/roles", json("roleKeys", List.of("staff")));
        assertThat(unknownUser.status()).isEqualTo(404);

        assertThat(count("select count(*) from dir_role where tenant_id = ?", tenantId(org))).isEqualTo(roles);
        assertThat(count("select count(*) from dir_role_grant where tenant_id = ?", tenantId(org))).isEqualTo(grants);
    }
}
