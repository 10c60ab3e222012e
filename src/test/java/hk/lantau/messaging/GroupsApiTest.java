package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupsApiTest extends MessagingApiTestSupport {

    @Test
    void ownerAndAdminsManageTheGroupAndMembersDoNot() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        Person cat = person(org, "Cat Wong");
        Person dan = person(org, "Dan Ho");
        String group = group(ann, "Team", ben, cat);
        String base = "/api/v1/conversations/" + group;

        var renameByMember = ben.api().patch(base, json("name", "Mine"));
        assertThat(renameByMember.status()).isEqualTo(403);
        assertThat(renameByMember.code()).isEqualTo("messaging.not_group_manager");
        assertThat(ann.api().put(base + "/members/" + ben.userId() + "/role", json("role", "ADMIN")).status())
                .isEqualTo(200);
        var renamed = ben.api().patch(base, json("name", "Team Alpha"));
        assertThat(renamed.json().get("name").asText()).isEqualTo("Team Alpha");
        assertThat(ben.api().post(base + "/members", json("userIds", List.of(dan.userId()))).json()
                .get("memberCount").asInt()).isEqualTo(4);
        var adminRemovesOwner = ben.api().delete(base + "/members/" + ann.userId());
        assertThat(adminRemovesOwner.status()).isEqualTo(403);
        assertThat(ben.api().delete(base + "/members/" + cat.userId()).status()).isEqualTo(200);
        assertThat(cat.api().get(base).status()).isEqualTo(404);
        var byAdmin = ben.api().put(base + "/members/" + dan.userId() + "/role", json("role", "ADMIN"));
        assertThat(byAdmin.code()).isEqualTo("messaging.not_group_owner");

        JsonNode history = ann.api().get(base + "/messages").json().get("items");
        assertThat(history).extracting(m -> m.get("kind").asText()).containsOnly("system");
        assertThat(history).extracting(m -> m.get("content").get("text").asText())
                .anyMatch(t -> t.contains("Team Alpha")).anyMatch(t -> t.contains("Dan Ho"));
        assertThat(streamed(org, cat, "conversation.updated")).as("the removed member is told")
                .anyMatch(e -> e.get("change").asText().equals("members"));
    }

    @Test
    void theOwnerHandsOverBeforeLeavingAndTheTransferIsAudited() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String group = group(ann, "Team", ben);
        String base = "/api/v1/conversations/" + group;

        var leave = ann.api().delete(base + "/members/" + ann.userId());
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.code()).isEqualTo("messaging.owner_must_transfer");

        var transferred = ann.api().post(base + "/owner", json("userId", ben.userId()));
        assertThat(transferred.json().get("ownerId").asText()).isEqualTo(ben.userId());
        assertThat(transferred.json().get("myRole").asText()).isEqualTo("ADMIN");
        assertThat(auditCount(org, "messaging.group.ownership_transferred")).isEqualTo(1);
        assertThat(ann.api().delete(base + "/members/" + ann.userId()).status()).isEqualTo(204);
        assertThat(ben.api().get(base).json().get("memberCount").asInt()).isEqualTo(1);
    }

    @Test
    void dismissingIsTheOwnersAndIsAudited() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String group = group(ann, "Team", ben);

        assertThat(ben.api().delete("/api/v1/conversations/" + group).code()).isEqualTo("messaging.not_group_owner");
        var dismissed = ann.api().delete("/api/v1/conversations/" + group);

        assertThat(dismissed.json().get("dismissed").asBoolean()).isTrue();
        assertThat(auditCount(org, "messaging.group.dismissed")).isEqualTo(1);
        assertThat(streamed(org, ben, "conversation.updated")).anyMatch(e -> e.get("change").asText()
                .equals("dismissed"));
        var rename = ann.api().patch("/api/v1/conversations/" + group, json("name", "Again"));
        assertThat(rename.code()).isEqualTo("messaging.conversation_dismissed");
    }

    @Test
    void badGroupInputIsRefusedAndNothingIsCreated() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        Person stranger = person(newOrganisation(), "Stranger");

        var noName = ann.api().post("/api/v1/conversations/groups", json("name", " ", "memberIds", List.of()));
        var longName = ann.api().post("/api/v1/conversations/groups", json("name", "x".repeat(61)));
        var unknown = ann.api().post("/api/v1/conversations/groups", json("name", "Team",
                "memberIds", List.of(ben.userId(), "nobody")));
        var otherOrg = ann.api().post("/api/v1/conversations/groups", json("name", "Team",
                "memberIds", List.of(stranger.userId())));

        assertThat(noName.code()).isEqualTo("messaging.group_name_invalid");
        assertThat(field(longName, 0)).isEqualTo("name");
        assertThat(unknown.code()).isEqualTo("messaging.user_not_found");
        assertThat(otherOrg.code()).isEqualTo("messaging.user_not_found");
        assertThat(count("select count(*) from msg_conversation where tenant_id = ?", tenantId(org))).isZero();
        String direct = direct(ann, ben);
        var renameDirect = ann.api().patch("/api/v1/conversations/" + direct, json("name", "Us"));
        assertThat(renameDirect.code()).isEqualTo("messaging.not_a_group");
    }

    @Test
    void peopleWhoLeaveTheOrganisationDropOutOfGroups() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        Person cat = person(org, "Cat Wong");
        String group = group(ann, "Team", ben, cat);

        var left = org.admin().post("/api/v1/users/" + ann.userId() + "/leave", null);
        assertThat(left.status()).as(left.body()).isEqualTo(200);

        JsonNode view = ben.api().get("/api/v1/conversations/" + group).json();
        assertThat(view.get("memberCount").asInt()).isEqualTo(2);
        assertThat(view.get("ownerId").asText()).as("the longest-standing member takes over").isIn(ben.userId(),
                cat.userId());
        assertThat(count("select count(*) from msg_member where user_id = ?", ann.userId())).isZero();
    }

    @Test
    void everyGroupEndpointAnswers404ToAnotherOrganisation() {
        Org org = newOrganisation();
        Person ann = person(org, "Ann Chan");
        Person ben = person(org, "Ben Lee");
        String group = group(ann, "Team", ben);
        JsonNode message = sendText(ann, group, "hello");
        Person mallory = person(newOrganisation(), "Mallory");
        String base = "/api/v1/conversations/" + group;
        long id = message.get("id").asLong();

        List<Api.Response> responses = List.of(
                mallory.api().get(base),
                mallory.api().patch(base, json("name", "Mine")),
                mallory.api().delete(base),
                mallory.api().get(base + "/members"),
                mallory.api().post(base + "/members", json("userIds", List.of(mallory.userId()))),
                mallory.api().delete(base + "/members/" + ben.userId()),
                mallory.api().put(base + "/members/" + ben.userId() + "/role", json("role", "ADMIN")),
                mallory.api().post(base + "/owner", json("userId", mallory.userId())),
                mallory.api().post(base + "/read", json("seq", 1)),
                mallory.api().get(base + "/messages"),
                mallory.api().post(base + "/messages", json("content", text("hi"))),
                mallory.api().post(base + "/messages/" + id + "/recall", null),
                mallory.api().get(base + "/messages/" + id + "/receipts"));

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("messaging.conversation_not_found");
        });
        assertThat(mallory.api().get("/api/v1/conversations").json().get("items")).isEmpty();
        assertThat(ann.api().get(base).json().get("name").asText()).isEqualTo("Team");
        assertThat(count("select count(*) from msg_member where conversation_id = ?", group)).isEqualTo(2);
    }
}
