package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing approvals with filters and cursors, and a person's tasks pending and done. */
class ApprovalListsApiTest extends ApprovalApiTestSupport {

    /** Five approvals a minute apart, oldest first: Pia's three leave requests, Quin's two expenses. */
    private record World(Org org, Person hr, Person pia, Person quin, Person boss, String leave, String expenses,
                         List<String> ids, List<Instant> times) {
    }

    private World world() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person pia = person(org, "Pia Ko");
        Person quin = person(org, "Quin Yu");
        Person boss = person(org, "Ray So");
        String leave = createTemplate(hr.api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String expenses = createTemplate(hr.api(), template("Expenses", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        List<String> ids = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            times.add(clock.instant());
            ids.add(i < 3 ? submitLeave(pia.api(), leave, i + 1) : submitLeave(quin.api(), expenses, i + 1));
        }
        var withdrawn = pia.api().post("/api/v1/approvals/" + ids.get(1) + "/withdraw", json());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        return new World(org, hr, pia, quin, boss, leave, expenses, ids, times);
    }

    @Test
    void filtersNarrowTheListNewestFirst() {
        World w = world();
        List<String> ids = w.ids();
        Api hr = w.hr().api();

        assertThat(list(hr, "processCode=" + w.leave())).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(list(hr, "processCode=" + w.expenses())).containsExactly(ids.get(4), ids.get(3));
        assertThat(list(hr, "processCode=" + w.leave() + "&status=CANCELED")).containsExactly(ids.get(1));
        assertThat(list(hr, "processCode=" + w.leave() + "&status=RUNNING&status=CANCELED"))
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(list(hr, "originatorUserId=" + w.quin().userId())).containsExactly(ids.get(4), ids.get(3));
        assertThat(list(hr, "originatorUserId=" + w.quin().userId() + "&originatorUserId=" + w.pia().userId()))
                .containsExactlyElementsOf(newestFirst(ids));
        // createdFrom is inclusive, createdTo exclusive.
        String from = instance(hr, ids.get(1)).get("createTime").asText();
        String to = instance(hr, ids.get(3)).get("createTime").asText();
        assertThat(list(hr, "originatorUserId=" + w.pia().userId() + "&originatorUserId=" + w.quin().userId()
                + "&createdFrom=" + encode(from) + "&createdTo=" + encode(to)))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(list(hr, "processCode=" + w.expenses() + "&createdFrom=" + time(w.times().get(4).plusSeconds(1))))
                .isEmpty();
        assertThat(list(w.pia().api(), "mine=true")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(list(w.quin().api(), "mine=true&status=RUNNING")).containsExactly(ids.get(4), ids.get(3));
        assertThat(list(hr, "processCode=PROC-NOSUCH")).isEmpty();

        var badStatus = hr.get("/api/v1/approvals?status=LOST");
        assertThat(badStatus.status()).as(badStatus.body()).isEqualTo(400);
        var badTime = hr.get("/api/v1/approvals?createdFrom=yesterday");
        assertThat(badTime.status()).as(badTime.body()).isEqualTo(400);
    }

    @Test
    void cursorsPageThroughEveryApprovalOnce() {
        World w = world();
        String query = "originatorUserId=" + w.pia().userId() + "&originatorUserId=" + w.quin().userId() + "&limit=2";

        List<String> seen = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = w.hr().api().get("/api/v1/approvals?" + query
                    + (cursor == null ? "" : "&cursor=" + encode(cursor))).json();
            seen.addAll(texts(page.get("items"), "instanceId"));
            pages.add(page.get("items").size());
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(newestFirst(w.ids()));
        assertThat(pages).containsExactly(2, 2, 1);
        var bad = w.hr().api().get("/api/v1/approvals?cursor=not-a-cursor");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("approval.cursor_invalid");
    }

    @Test
    void withoutApprovalReadPeopleSeeOnlyTheirOwn() {
        World w = world();

        var everyone = w.pia().api().get("/api/v1/approvals");
        assertThat(everyone.status()).isEqualTo(403);
        assertThat(everyone.code()).isEqualTo("auth.permission_missing");
        assertThat(w.boss().api().get("/api/v1/approvals?processCode=" + w.leave()).status()).isEqualTo(403);
        assertThat(list(w.boss().api(), "mine=true")).isEmpty();
        // Another organisation's admin sees none of them.
        Api other = newOrganisation().admin();
        assertThat(list(other, "originatorUserId=" + w.pia().userId())).isEmpty();
        assertThat(list(other, "processCode=" + w.leave())).isEmpty();
    }

    @Test
    void tasksPagePendingOldestFirstAndDoneNewestFirst() {
        World w = world();
        Api boss = w.boss().api();
        List<Long> pending = tasks(boss, "pending=true&limit=2");
        assertThat(pending).hasSize(4).isSorted();
        decide(boss, pending.get(0), "agree");
        decide(boss, pending.get(2), "refuse");

        assertThat(tasks(boss, "limit=1")).containsExactly(pending.get(1), pending.get(3));
        // The withdrawn approval's task was cancelled: done lists it too, newest first.
        List<Long> done = tasks(boss, "pending=false&limit=2");
        assertThat(done).hasSize(3).contains(pending.get(0), pending.get(2));
        assertThat(done).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(tasks(w.pia().api(), "pending=true")).isEmpty();

        var bad = boss.get("/api/v1/approval-tasks?cursor=" + encode("***"));
        assertThat(bad.status()).isEqualTo(400);
        var badToo = boss.get("/api/v1/approval-tasks?cursor=" + encode("bm90LWEtbnVtYmVy"));
        assertThat(badToo.status()).isEqualTo(400);
        assertThat(badToo.code()).isEqualTo("approval.cursor_invalid");
    }

    /** Every task id of the list, following cursors. */
    private static List<Long> tasks(Api api, String query) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/approval-tasks?" + query + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(t -> ids.add(t.get("taskId").asLong()));
            cursor = page.json().hasNonNull("nextCursor") ? page.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private static List<String> list(Api api, String query) {
        var page = api.get("/api/v1/approvals?" + query + "&limit=100");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return texts(page.json().get("items"), "instanceId");
    }

    private static List<String> newestFirst(List<String> ids) {
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static String time(Instant instant) {
        return encode(instant.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
