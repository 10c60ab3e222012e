package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Managing a group's robots through our API: who may, what is checked, what is audited and stored. */
class RobotsApiTest extends RobotApiTestSupport {

    private Org org;
    private Api owner;
    private Api admin;
    private Api member;
    private String group;

    @BeforeEach
    void setUp() {
        org = newOrganisation();
        Person groupOwner = person(org, "Owner");
        Person groupAdmin = person(org, "Group Admin");
        Person groupMember = person(org, "Member");
        owner = groupOwner.api();
        admin = groupAdmin.api();
        member = groupMember.api();
        group = group(groupOwner, "Ops", groupAdmin, groupMember);
        var promoted = owner.put("/api/v1/conversations/" + group + "/members/" + groupAdmin.userId() + "/role",
                Map.of("role", "ADMIN"));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
    }

    @Test
    void theOwnerAddsARobotAndSeesItsUrlAndSecretAgain() {
        JsonNode robot = createRobot(owner, group, Map.of("name", "Alertmanager", "signing", true,
                "keywords", List.of("alert", " alert ", "告警"), "ipRanges", List.of("203.0.113.77/24")));
        assertThat(robot.get("name").asText()).isEqualTo("Alertmanager");
        assertThat(robot.get("webhookUrl").asText()).matches("https?://[^/]+/robot/send\\?access_token=[0-9a-f]{64}");
        assertThat(robot.get("secret").asText()).matches("SEC[0-9a-f]{64}");
        assertThat(robot.get("signing").asBoolean()).isTrue();
        assertThat(texts(robot.get("keywords"), null)).containsExactly("alert", "告警");
        assertThat(texts(robot.get("ipRanges"), null)).containsExactly("203.0.113.0/24");
        assertThat(robot.get("enabled").asBoolean()).isTrue();

        var listed = admin.get(robots(group));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Cache-Control")).contains("no-store");
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("webhookUrl").asText()).isEqualTo(robot.get("webhookUrl").asText());
        assertThat(listed.json().get(0).get("secret").asText()).isEqualTo(robot.get("secret").asText());

        String token = token(robot);
        Map<String, Object> row = jdbc.sql("select token_hash, token_sealed, secret_sealed from msg_robot where id = :id")
                .param("id", robot.get("id").asLong()).query().singleRow();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(token).doesNotContain(robot.get("secret").asText()));
        assertThat(auditCount(org, "messaging.robot.created")).isEqualTo(1);
    }

    @Test
    void aGroupAdminManagesRobotsToo() {
        JsonNode robot = createRobot(admin, group, Map.of("name", "CI", "keywords", List.of("build")));
        assertThat(robot.get("signing").asBoolean()).isFalse();
        assertThat(robot.hasNonNull("secret")).isFalse();
        assertThat(owner.get(robots(group) + "/" + robot.get("id").asLong()).status()).isEqualTo(200);
    }

    @Test
    void refusesRobotsWithoutSecurityOrWithBadSettingsAndStoresNothing() {
        expect(owner.post(robots(group), Map.of("name", "Open")), 400, "messaging.robot_security_required");
        expect(owner.post(robots(group), Map.of("name", "Open", "signing", false, "keywords", List.of(),
                "ipRanges", List.of())), 400, "messaging.robot_security_required");
        expect(owner.post(robots(group), Map.of("name", "Many", "keywords",
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"))), 400,
                "messaging.robot_keywords_invalid");
        expect(owner.post(robots(group), Map.of("name", "Blank", "keywords", List.of(" "))), 400,
                "messaging.robot_keywords_invalid");
        expect(owner.post(robots(group), Map.of("name", "V6", "ipRanges", List.of("2001:db8::/32"))), 400,
                "messaging.robot_ip_invalid");
        expect(owner.post(robots(group), Map.of("name", "Bad", "ipRanges", List.of("10.0.0.0/33"))), 400,
                "messaging.robot_ip_invalid");
        expect(owner.post(robots(group), Map.of("name", " ", "signing", true)), 400, "messaging.robot_name_invalid");
        expect(owner.post(robots(group), Map.of("name", "x".repeat(61), "signing", true)), 400,
                "messaging.robot_name_invalid");
        assertThat(robotCount(org)).isZero();
        assertThat(auditCount(org, "messaging.robot.created")).isZero();
    }

    @Test
    void membersAndStrangersGetNotFound() {
        JsonNode robot = createRobot(owner, group, Map.of("name", "CI", "signing", true));
        String one = robots(group) + "/" + robot.get("id").asLong();
        for (Api caller : List.of(member, person(org, "Outsider").api())) {
            everyEndpointIsNotFound(caller, group, one, "messaging.robot_group_not_found");
        }
        assertThat(owner.get(robots(group) + "/999999999").code()).isEqualTo("messaging.robot_not_found");
        assertThat(owner.get(robots("no-such-group")).code()).isEqualTo("messaging.robot_group_not_found");
        JsonNode unchanged = owner.get(one).json();
        assertThat(unchanged.get("name").asText()).isEqualTo("CI");
        assertThat(unchanged.get("webhookUrl").asText()).isEqualTo(robot.get("webhookUrl").asText());
        assertThat(unchanged.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void anotherOrganisationsAdminGetsNotFound() {
        JsonNode robot = createRobot(owner, group, Map.of("name", "CI", "signing", true));
        Org other = newOrganisation();
        everyEndpointIsNotFound(other.admin(), group, robots(group) + "/" + robot.get("id").asLong(),
                "messaging.robot_group_not_found");
        // A robot id of this organisation under a group of the other is not found either.
        String otherGroup = group(admin(other), "Theirs");
        assertThat(other.admin().get(robots(otherGroup) + "/" + robot.get("id").asLong()).code())
                .isEqualTo("messaging.robot_not_found");
        assertThat(owner.get(robots(group)).json()).hasSize(1);
    }

    @Test
    void changesResetsDisablesAndDeletesAreAudited() {
        JsonNode robot = createRobot(owner, group, Map.of("name", "CI", "keywords", List.of("build")));
        String one = robots(group) + "/" + robot.get("id").asLong();

        var changed = owner.patch(one, Map.of("name", "Jenkins", "signing", true));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("Jenkins");
        assertThat(changed.json().get("secret").asText()).startsWith("SEC");
        assertThat(texts(changed.json().get("keywords"), null)).containsExactly("build");
        expect(owner.patch(one, Map.of("signing", false, "keywords", List.of())), 400,
                "messaging.robot_security_required");
        assertThat(owner.get(one).json().get("signing").asBoolean()).isTrue();

        var secret = owner.post(one + "/reset-secret", Map.of());
        assertThat(secret.status()).isEqualTo(200);
        assertThat(secret.json().get("secret").asText()).startsWith("SEC")
                .isNotEqualTo(changed.json().get("secret").asText());
        var token = owner.post(one + "/reset-token", Map.of());
        assertThat(token.json().get("webhookUrl").asText()).isNotEqualTo(robot.get("webhookUrl").asText());

        var off = owner.patch(one, Map.of("signing", false));
        assertThat(off.json().hasNonNull("secret")).isFalse();
        expect(owner.post(one + "/reset-secret", Map.of()), 409, "messaging.robot_signing_off");

        assertThat(owner.post(one + "/disable", Map.of()).json().get("enabled").asBoolean()).isFalse();
        assertThat(owner.post(one + "/enable", Map.of()).json().get("enabled").asBoolean()).isTrue();
        assertThat(owner.delete(one).status()).isEqualTo(204);
        assertThat(owner.get(one).status()).isEqualTo(404);

        assertThat(auditCount(org, "messaging.robot.changed")).isEqualTo(4);
        assertThat(auditCount(org, "messaging.robot.secret_reset")).isEqualTo(1);
        assertThat(auditCount(org, "messaging.robot.token_reset")).isEqualTo(1);
        assertThat(auditCount(org, "messaging.robot.deleted")).isEqualTo(1);
        List<String> changes = jdbc.sql("select changes from cmp_audit_record where chain = :c "
                        + "and action like 'messaging.robot.%'").param("c", tenantId(org)).query(String.class).list();
        assertThat(changes).noneMatch(c -> c.contains("SEC") || c.contains(token(robot)));
    }

    @Test
    void aDismissedGroupTakesNoNewRobots() {
        assertThat(owner.delete("/api/v1/conversations/" + group).status()).isEqualTo(200);
        expect(owner.post(robots(group), Map.of("name", "Late", "signing", true)), 409,
                "messaging.robot_group_dismissed");
        assertThat(robotCount(org)).isZero();
    }

    @Test
    void theEndpointsAreDocumented() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains(robots("{conversationId}"),
                robots("{conversationId}") + "/{robotId}", robots("{conversationId}") + "/{robotId}/reset-token",
                robots("{conversationId}") + "/{robotId}/reset-secret", robots("{conversationId}") + "/{robotId}/disable",
                robots("{conversationId}") + "/{robotId}/enable");
    }

    private void everyEndpointIsNotFound(Api caller, String conversationId, String one, String code) {
        List<Api.Response> responses = List.of(caller.get(robots(conversationId)),
                caller.post(robots(conversationId), Map.of("name", "Mine", "signing", true)),
                caller.get(one), caller.patch(one, Map.of("name", "Taken")),
                caller.post(one + "/reset-token", Map.of()), caller.post(one + "/reset-secret", Map.of()),
                caller.post(one + "/disable", Map.of()), caller.post(one + "/enable", Map.of()), caller.delete(one));
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.code()).isEqualTo(code);
        });
    }

    private static void expect(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    private static String token(JsonNode robot) {
        String url = robot.get("webhookUrl").asText();
        return url.substring(url.indexOf("access_token=") + "access_token=".length());
    }
}
