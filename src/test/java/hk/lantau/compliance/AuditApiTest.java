package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail's REST API, used the way an organisation's auditor would use it. */
class AuditApiTest extends ApiTestSupport {

    @Autowired
    Accounts accounts;

    @Test
    void listsTheOrganisationsRecordsNewestFirst() {
        Org org = newOrganisation();
        rename(org, "Renamed Ltd " + org.corpId());

        JsonNode items = org.admin().get("/api/v1/audit").json().get("items");

        JsonNode newest = items.get(0);
        assertThat(newest.get("action").asText()).isEqualTo("tenant.settings.changed");
        assertThat(newest.get("actor").get("kind").asText()).isEqualTo("USER");
        assertThat(newest.get("actor").get("reference").asText()).isEqualTo("user:" + org.adminUserId());
        assertThat(newest.get("target").get("type").asText()).isEqualTo("organisation");
        assertThat(newest.get("target").get("id").asText()).isEqualTo(org.corpId());
        assertThat(newest.get("changes").get("name").asText()).isEqualTo("Renamed Ltd " + org.corpId());
        assertThat(newest.get("hash").asText()).hasSize(64);
        assertThat(newest.get("requestId").asText()).isNotBlank();
        assertThat(Instant.parse(newest.get("time").asText())).isNotNull();
        assertThat(seqs(items)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(items.get(items.size() - 1).get("action").asText()).isEqualTo("tenant.organisation.created");
    }

    @Test
    void pagesWithAnOpaqueCursor() {
        Org org = newOrganisation();
        for (int i = 0; i < 4; i++) {
            rename(org, "Paged " + i + " " + org.corpId());
        }
        int total = org.admin().get("/api/v1/audit?limit=200").json().get("items").size();

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = org.admin().get("/api/v1/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(seqs(page.get("items")));
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);

        assertThat(seen).hasSize(total).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(org.admin().get("/api/v1/audit?cursor=bm90LWEtY3Vyc29y").code())
                .isEqualTo("compliance.cursor_invalid");
        assertThat(org.admin().get("/api/v1/audit?limit=201").code()).isEqualTo("compliance.limit_invalid");
        assertThat(org.admin().get("/api/v1/audit?limit=0").status()).isEqualTo(400);
    }

    @Test
    void filtersByActionActorTargetAndTime() {
        Org org = newOrganisation();
        Instant beforeRename = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        rename(org, "Filtered Ltd " + org.corpId());
        Instant afterRename = clock.instant().plusSeconds(1);

        assertThat(actions(org.admin(), "action=tenant.settings.")).containsOnly("tenant.settings.changed");
        assertThat(actions(org.admin(), "action=tenant.")).contains("tenant.settings.changed",
                "tenant.organisation.created");
        assertThat(actions(org.admin(), "action=tenant%25")).isEmpty();
        JsonNode byAdmin = org.admin().get("/api/v1/audit?limit=200&actor=user:" + org.adminUserId()).json()
                .get("items");
        assertThat(byAdmin).isNotEmpty().allSatisfy(item -> assertThat(item.get("actor").get("reference").asText())
                .isEqualTo("user:" + org.adminUserId()));
        assertThat(actions(org.admin(), "actor=user:" + org.adminUserId())).contains("tenant.settings.changed")
                .doesNotContain("tenant.organisation.created");
        assertThat(actions(org.admin(), "targetType=organisation&targetId=" + org.corpId()))
                .containsOnly("tenant.organisation.created", "tenant.settings.changed");
        assertThat(actions(org.admin(), "from=" + encode(beforeRename.plusSeconds(60)) + "&to=" + encode(afterRename)))
                .containsOnly("tenant.settings.changed");
        assertThat(actions(org.admin(), "to=" + encode(beforeRename.plusSeconds(60))))
                .doesNotContain("tenant.settings.changed").contains("tenant.organisation.created");
        var badTime = org.admin().get("/api/v1/audit?from=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.code()).isEqualTo("compliance.time_invalid");
    }

    @Test
    void recordsRevealsOfProtectedFieldsWithoutTheValue() {
        Org org = newOrganisation();
        var created = org.admin().post("/api/v1/users", Map.of("name", "Wong Siu Ming",
                "email", "wong-" + org.corpId() + "@example.hk", "mobile", "+852 6123 4567"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String userId = created.json().get("userId").asText();

        var revealed = org.admin().post("/api/v1/users/" + userId + "/protected-fields/mobile/reveal", Map.of());
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);

        JsonNode items = org.admin().get("/api/v1/audit?action=compliance.field.revealed").json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("target").get("id").asText()).isEqualTo(userId);
        assertThat(items.get(0).get("changes").get("field").asText()).isEqualTo("mobile");
        String everything = org.admin().get("/api/v1/audit/export?format=json").body();
        assertThat(everything).doesNotContain("6123 4567").doesNotContain("61234567");
    }

    @Test
    void verifiesTheOrganisationsChainAndFindsTampering() {
        Org org = newOrganisation();
        rename(org, "Verified Ltd " + org.corpId());
        long tenantId = tenantId(org);

        JsonNode intact = org.admin().get("/api/v1/audit/verify").json();
        assertThat(intact.get("chain").asLong()).isEqualTo(tenantId);
        assertThat(intact.get("intact").asBoolean()).isTrue();
        long records = intact.get("recordsChecked").asLong();
        assertThat(records).isGreaterThanOrEqualTo(2);

        jdbc.sql("update cmp_audit_record set changes = '{}' where chain = :chain and seq = 2")
                .param("chain", tenantId).update();

        JsonNode broken = org.admin().get("/api/v1/audit/verify").json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(2);
        assertThat(broken.get("reason").asText()).isEqualTo("hash_mismatch");
    }

    @Test
    void exportsCsvAsAnAttachmentAndAuditsTheExport() throws IOException {
        Org org = newOrganisation();
        rename(org, "Exported, \"Quoted\" Ltd " + org.corpId());

        var response = org.admin().get("/api/v1/audit/export?format=csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        assertThat(rows).extracting(r -> r.get("action"))
                .startsWith("tenant.organisation.created").contains("tenant.settings.changed")
                .endsWith("compliance.audit.exported");
        assertThat(rows).extracting(r -> Long.parseLong(r.get("seq"))).isSorted();
        CSVRecord renamed = rows.stream().filter(r -> r.get("action").equals("tenant.settings.changed")).findFirst()
                .orElseThrow();
        assertThat(renamed.get("changes")).contains("Exported, \\\"Quoted\\\" Ltd");
        assertThat(renamed.get("hash")).hasSize(64);
        assertThat(rows.get(rows.size() - 1).get("changes")).contains("\"format\":\"csv\"");
    }

    @Test
    void exportsJsonAsOneArrayWithTheFilters() {
        Org org = newOrganisation();
        rename(org, "Json Ltd " + org.corpId());

        var response = org.admin().get("/api/v1/audit/export?format=json&action=tenant.settings.");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Content-Disposition")).contains(".json");
        JsonNode array = response.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        assertThat(array.get(0).get("action").asText()).isEqualTo("tenant.settings.changed");
        assertThat(array.get(0).get("prevHash").asText()).hasSize(64);
        var bad = org.admin().get("/api/v1/audit/export?format=xml");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("compliance.format_invalid");
    }

    @Test
    void anotherOrganisationsAuditorNeverSeesTheseRecords() {
        Org a = newOrganisation();
        Org b = newOrganisation();
        rename(a, "Secret Plans Ltd " + a.corpId());
        long tenantA = tenantId(a);
        long tenantB = tenantId(b);

        JsonNode bItems = b.admin().get("/api/v1/audit?limit=200").json().get("items");
        assertThat(bItems.toString()).doesNotContain(a.corpId()).doesNotContain("Secret Plans");
        assertThat(b.admin().get("/api/v1/audit?targetId=" + a.corpId()).json().get("items")).isEmpty();
        assertThat(b.admin().get("/api/v1/audit?actor=user:" + a.adminUserId()).json().get("items")).isEmpty();
        String aCursorPastEverything = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("a1:999999".getBytes(StandardCharsets.UTF_8));
        assertThat(b.admin().get("/api/v1/audit?cursor=" + aCursorPastEverything).json().get("items").toString())
                .doesNotContain(a.corpId());
        assertThat(b.admin().get("/api/v1/audit/export?format=json").body()).doesNotContain(a.corpId());
        assertThat(b.admin().get("/api/v1/audit/verify").json().get("chain").asLong()).isEqualTo(tenantB);

        jdbc.sql("delete from cmp_audit_record where chain = :chain and seq = 1").param("chain", tenantA).update();
        assertThat(b.admin().get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
        assertThat(a.admin().get("/api/v1/audit/verify").json().get("reason").asText()).isEqualTo("sequence_gap");
    }

    @Test
    void needsTheAuditPermissions() {
        Org org = newOrganisation();
        Api staff = signedInStaff(org);

        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/export?format=csv")) {
            var refused = staff.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("auth.permission_missing");
            assertThat(anonymous().get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(operator().get("/api/v1/audit").status()).isEqualTo(403);
    }

    private Api signedInStaff(Org org) {
        String email = "staff-" + org.corpId() + "@example.hk";
        var created = org.admin().post("/api/v1/users", Map.of("name", "Staff Member", "email", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long tenantId = tenantId(org);
        String userId = created.json().get("userId").asText();
        LoginLink link = ActorScope.callAs(Actor.system(tenantId, "test"), () -> accounts.issueLink(
                accounts.createUserAccount(tenantId, userId, email), LoginLink.Purpose.SETUP));
        setPassword(link.url(), PASSWORD);
        return as(email, PASSWORD);
    }

    private void rename(Org org, String name) {
        var changed = org.admin().patch("/api/v1/org", Map.of("name", name));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private long tenantId(Org org) {
        return jdbc.sql("select id from tenant where corp_id = :corpId").param("corpId", org.corpId())
                .query(Long.class).single();
    }

    private static List<String> actions(Api api, String query) {
        var response = api.get("/api/v1/audit?limit=200&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        response.json().get("items").forEach(item -> actions.add(item.get("action").asText()));
        return actions;
    }

    private static List<Long> seqs(JsonNode items) {
        List<Long> seqs = new ArrayList<>();
        items.forEach(item -> seqs.add(item.get("seq").asLong()));
        return seqs;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
