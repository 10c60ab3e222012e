package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Apps and people send work notifications; recipients read them; senders follow progress and recall. */
class WorkNotificationsApiTest extends NotificationApiTestSupport {

    @Test
    void anAppSendsToPeopleWhoReadItAndUnknownUseridsAreListedAsInvalid() {
        Org org = newOrganisation();
        String mei = createUser(org.admin(), "Mei Chan");
        String ken = createUser(org.admin(), "Ken Lau");
        String gone = createUser(org.admin(), "Gone Wong");
        assertThat(org.admin().post("/api/v1/users/" + gone + "/leave", Map.of()).status()).isEqualTo(200);
        Api app = app(org, "notification.send");

        long id = send(app, json("kind", "markdown", "title", "Fire drill", "text", "At **10:00** tomorrow."),
                json("userIds", List.of(mei, ken, gone, "nobody-here", mei)));
        JsonNode task = awaitDone(app, id);
        assertThat(task.get("delivered").asInt()).isEqualTo(2);
        assertThat(task.get("invalid").asInt()).isEqualTo(2);
        assertThat(task.get("read").asInt()).isZero();
        assertThat(task.get("userIdCount").asInt()).isEqualTo(4);
        assertThat(task.get("sender").get("kind").asText()).isEqualTo("APP");
        assertThat(task.get("content").get("kind").asText()).isEqualTo("markdown");
        assertThat(recipients(app, id, "invalid")).containsExactlyInAnyOrder(gone, "nobody-here");
        assertThat(recipients(app, id, "unread")).containsExactlyInAnyOrder(mei, ken);
        assertThat(streamTypes(org, mei)).containsExactly("notification.created");
        assertThat(streamTypes(org, gone)).isEmpty();

        Api meiSession = signInAs(org, mei);
        var list = meiSession.get("/api/v1/me/notifications").json();
        assertThat(list.get("unread").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("content").get("title").asText()).isEqualTo("Fire drill");
        assertThat(list.get("items").get(0).has("readAt")).isFalse();
        assertThat(list.get("items").get(0).get("html").asText()).isEqualTo("<p>At <strong>10:00</strong> tomorrow.</p>");
        var read = meiSession.post("/api/v1/me/notifications/" + id + "/read", Map.of());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("readAt").asText()).isNotEmpty();
        assertThat(meiSession.post("/api/v1/me/notifications/" + id + "/read", Map.of()).json().get("readAt"))
                .isEqualTo(read.json().get("readAt"));
        assertThat(meiSession.get("/api/v1/me/notifications").json().get("unread").asInt()).isZero();

        assertThat(recipients(app, id, "read")).containsExactly(mei);
        assertThat(recipients(app, id, "unread")).containsExactly(ken);
        assertThat(app.get("/api/v1/notifications/" + id).json().get("read").asInt()).isEqualTo(1);
        assertThat(auditCount(org, "messaging.notification.sent")).isEqualTo(1);
    }

    @Test
    void aDepartmentIncludesItsSubDepartmentsAndUnknownDepartmentsAreReported() {
        Org org = newOrganisation();
        long sales = createDepartment(org.admin(), "Sales", 1L);
        long kowloon = createDepartment(org.admin(), "Kowloon", sales);
        long other = createDepartment(org.admin(), "Finance", 1L);
        String head = createUser(org.admin(), "Sales Head", sales);
        String rep = createUser(org.admin(), "Kowloon Rep", kowloon);
        String both = createUser(org.admin(), "Both Places", sales, kowloon);
        String outsider = createUser(org.admin(), "Finance Clerk", other);

        long id = send(org.admin(), text("Quarterly targets are out."),
                json("departmentIds", List.of(sales, 987654), "userIds", List.of(head)));
        JsonNode task = awaitDone(org.admin(), id);
        assertThat(task.get("delivered").asInt()).isEqualTo(3);
        assertThat(task.get("invalidDepartmentIds")).extracting(JsonNode::asLong).containsExactly(987654L);
        assertThat(task.get("departmentIds")).extracting(JsonNode::asLong).containsExactly(sales);
        assertThat(task.get("sender").get("kind").asText()).isEqualTo("USER");
        assertThat(recipients(org.admin(), id, "unread")).containsExactlyInAnyOrder(head, rep, both);
        assertThat(streamTypes(org, outsider)).isEmpty();
        assertThat(streamTypes(org, both)).containsExactly("notification.created");
    }

    @Test
    void everyoneMeansEveryActivePersonOfTheOrganisation() {
        Org org = newOrganisation();
        Org elsewhere = newOrganisation();
        String a = createUser(org.admin(), "Everyone A");
        String b = createUser(org.admin(), "Everyone B");
        String suspended = createUser(org.admin(), "Everyone Suspended");
        assertThat(org.admin().post("/api/v1/users/" + suspended + "/suspend", Map.of()).status()).isEqualTo(200);
        Api app = app(org, "notification.send");

        long id = send(app, json("kind", "link", "title", "Handbook", "text", "The new staff handbook",
                "messageUrl", "https://intranet.example.hk/handbook"), json("everyone", true));
        JsonNode task = awaitDone(app, id);
        assertThat(task.get("everyone").asBoolean()).isTrue();
        assertThat(recipients(app, id, "unread")).containsExactlyInAnyOrder(org.adminUserId(), a, b);
        assertThat(streamTypes(elsewhere, elsewhere.adminUserId())).isEmpty();

        long unsafe = send(app, json("kind", "markdown", "title", "Links", "text",
                "[click](javascript:alert(1)) <script>alert(2)</script> <img src=x onerror=alert(3)>"),
                json("everyone", true));
        awaitDone(app, unsafe);
        String html = signInAs(org, a).get("/api/v1/me/notifications").json().get("items").get(0).get("html").asText();
        assertThat(html).startsWith("<p>").doesNotContain("<script", "javascript:", "<img", "href")
                .contains("&lt;script&gt;");
    }

    @Test
    void aRecalledNotificationDisappearsFromEveryRecipient() {
        Org org = newOrganisation();
        String mei = createUser(org.admin(), "Recall Mei");
        Api app = app(org, "notification.send");
        long id = send(app, text("Wrong date, sorry"), toUsers(mei, org.adminUserId()));
        awaitDone(app, id);
        Api meiSession = signInAs(org, mei);
        assertThat(inbox(meiSession)).containsExactly(id);

        var recalled = app.post("/api/v1/notifications/" + id + "/recall", Map.of());
        assertThat(recalled.status()).as(recalled.body()).isEqualTo(200);
        assertThat(recalled.json().get("recalledAt").asText()).isNotEmpty();
        assertThat(recalled.json().get("progress").get("status").asInt()).isEqualTo(2);
        assertThat(inbox(meiSession)).isEmpty();
        assertThat(meiSession.get("/api/v1/me/notifications").json().get("unread").asInt()).isZero();
        assertThat(meiSession.post("/api/v1/me/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(streamTypes(org, mei)).containsExactly("notification.created", "notification.recalled");
        assertThat(auditChanges(org).get(auditChanges(org).size() - 1)).contains("\"recipients\":2");
        assertThat(auditCount(org, "messaging.notification.recalled")).isEqualTo(1);

        app.post("/api/v1/notifications/" + id + "/recall", Map.of());
        assertThat(auditCount(org, "messaging.notification.recalled")).isEqualTo(1);
        assertThat(streamTypes(org, mei)).hasSize(2);
    }

    @Test
    void aNotificationRecalledWhileItIsDeliveredStopsAndReachesNobodyAfterwards() {
        Org org = newOrganisation();
        String ken = createUser(org.admin(), "Early Ken");
        Api app = app(org, "notification.send");
        long id = send(app, text("Sent too soon"), toUsers(ken));

        var recalled = app.post("/api/v1/notifications/" + id + "/recall", Map.of());
        assertThat(recalled.status()).as(recalled.body()).isEqualTo(200);
        assertThat(recalled.json().get("progress").get("status").asInt()).isEqualTo(2);
        assertThat(recalled.json().get("recalledAt").asText()).isNotEmpty();
        assertThat(inbox(signInAs(org, ken))).isEmpty();
        // Whether the job reached Ken before the recall or not, his stream ends with the recall or is empty.
        List<String> events = streamTypes(org, ken);
        assertThat(events).isIn(List.of(), List.of("notification.created", "notification.recalled"));
        assertThat(app.get("/api/v1/notifications/" + id).json().get("progress").get("status").asInt())
                .isEqualTo(2);
    }

    @Test
    void theSameContentReachesAPersonOnceADayAndTheDailyLimitHolds() {
        Org org = newOrganisation();
        String mei = createUser(org.admin(), "Limit Mei");
        String ken = createUser(org.admin(), "Limit Ken");
        Api app = app(org, "notification.send");
        long first = send(app, text("Lunch is served"), toUsers(mei));
        awaitDone(app, first);

        long again = send(app, text("Lunch is served"), toUsers(mei, ken));
        JsonNode task = awaitDone(app, again);
        assertThat(task.get("forbidden").asInt()).isEqualTo(1);
        assertThat(recipients(app, again, "forbidden")).containsExactly(mei);
        assertThat(app.get("/api/v1/notifications/" + again + "/recipients?state=forbidden").json()
                .get("items").get(0).get("forbiddenCode").asInt()).isEqualTo(143106);
        assertThat(recipients(app, again, "unread")).containsExactly(ken);
        assertThat(streamTypes(org, mei)).hasSize(1);

        // Another sender's identical text is not a duplicate of this app's.
        long fromAdmin = send(org.admin(), text("Lunch is served"), toUsers(mei));
        assertThat(awaitDone(org.admin(), fromAdmin).get("delivered").asInt()).isEqualTo(1);

        seedReceived(org, ken, 499);
        long capped = send(app, text("One more thing"), toUsers(ken, mei));
        awaitDone(app, capped);
        assertThat(recipients(app, capped, "forbidden")).containsExactly(ken);
        assertThat(app.get("/api/v1/notifications/" + capped + "/recipients?state=forbidden").json()
                .get("items").get(0).get("forbiddenCode").asInt()).isEqualTo(143105);

        clock.advance(Duration.ofHours(25));
        Api admin = signInAgain(org.adminEmail());
        long nextDay = send(admin, text("Lunch is served"), toUsers(ken, mei));
        assertThat(awaitDone(admin, nextDay).get("delivered").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        Org org = newOrganisation();
        String mei = createUser(org.admin(), "Input Mei");
        Api app = app(org, "notification.send");
        long before = tasksOf(org);

        assertRefused(app, json("content", text("Hi"), "audience", json()), 400,
                "messaging.notification_audience_empty");
        assertRefused(app, json("content", text("Hi")), 400, "messaging.notification_audience_empty");
        assertRefused(app, json("content", text("Hi"), "audience", json("userIds",
                IntStream.range(0, 5001).mapToObj(i -> "u" + i).toList())), 400,
                "messaging.notification_too_many_users");
        assertRefused(app, json("content", text("Hi"), "audience", json("departmentIds",
                IntStream.range(1, 22).boxed().toList())), 400, "messaging.notification_too_many_departments");
        assertRefused(app, json("content", text("長".repeat(700)), "audience", toUsers(mei)), 400,
                "messaging.notification_content_too_long");
        assertRefused(app, json("content", text(" "), "audience", toUsers(mei)), 400,
                "messaging.notification_content_invalid");
        assertRefused(app, json("audience", toUsers(mei)), 400, "messaging.notification_content_invalid");
        assertRefused(app, json("content", json("kind", "link", "title", "Click", "text", "here",
                "messageUrl", "javascript:alert(1)"), "audience", toUsers(mei)), 400,
                "messaging.notification_content_invalid");
        assertRefused(app, json("content", json("kind", "actionCard", "title", "Vote", "text", "Pick one",
                "singleTitle", "Go", "singleUrl", "https://example.hk", "buttons",
                List.of(json("title", "A", "url", "https://example.hk/a")), "horizontal", false),
                "audience", toUsers(mei)), 400, "messaging.notification_content_invalid");
        assertRefused(app, json("content", json("kind", "feedCard", "links", List.of()), "audience", toUsers(mei)),
                400, "messaging.notification_kind_unsupported");
        assertRefused(app, json("content", json("kind", "system", "text", "I am Lantau"), "audience", toUsers(mei)),
                400, "messaging.notification_kind_unsupported");
        assertRefused(app, json("content", text("Hi"), "audience", json("userIds", List.of(""))), 400,
                "messaging.notification_audience_invalid");
        assertRefused(app, json("content", text("Hi"), "audience", json("userIds", Arrays.asList(mei, null))),
                400, "messaging.notification_audience_invalid");
        assertRefused(app, json("content", text("Hi"), "audience", json("departmentIds",
                Arrays.asList(1, null))), 400, "messaging.notification_audience_invalid");
        assertThat(tasksOf(org)).isEqualTo(before);

        var bad = app.get("/api/v1/notifications/1/recipients?state=everybody");
        assertThat(bad.status()).isIn(400, 404);
        Api reader = app(org, "user.read");
        assertRefused(reader, json("content", text("Hi"), "audience", toUsers(mei)), 403,
                "openplatform.scope_missing");
        Api staff = signInAs(org, mei);
        assertRefused(staff, json("content", text("Hi"), "audience", toUsers(mei)), 403, "auth.permission_missing");
        assertThat(reader.get("/api/v1/me/notifications").code()).isEqualTo("openplatform.people_only");
        assertThat(tasksOf(org)).isEqualTo(before);
    }

    @Test
    void aTaskIsSeenOnlyByItsSenderAndModeratorsOfItsOrganisation() {
        Org a = newOrganisation();
        Org b = newOrganisation();
        String mei = createUser(a.admin(), "Private Mei");
        Api app = app(a, "notification.send");
        Api otherApp = app(a, "notification.send");
        Api appOfB = app(b, "notification.send");
        long id = send(app, text("For Mei"), toUsers(mei));
        awaitDone(app, id);
        String base = "/api/v1/notifications/" + id;

        assertThat(a.admin().get(base).status()).isEqualTo(200);
        assertThat(a.admin().get(base + "/recipients?state=unread").status()).isEqualTo(200);
        for (Api stranger : List.of(otherApp, appOfB, b.admin())) {
            assertThat(stranger.get(base).code()).isEqualTo("messaging.notification_not_found");
            assertThat(stranger.get(base + "/recipients?state=unread").status()).isEqualTo(404);
            assertThat(stranger.post(base + "/recall", Map.of()).status()).isEqualTo(404);
        }
        String hrUser = createUser(a.admin(), json("name", "HR Person", "email", newEmail("hr"), "roleKeys",
                List.of("hr")));
        Api hr = signInAs(a, hrUser);
        assertThat(hr.get(base).status()).isEqualTo(404);
        assertThat(b.admin().post("/api/v1/me/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(a.admin().post("/api/v1/me/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(inbox(b.admin())).doesNotContain(id);

        long fromHr = send(hr, text("Payslips are ready"), toUsers(mei));
        assertThat(awaitDone(hr, fromHr).get("delivered").asInt()).isEqualTo(1);
        assertThat(app.get("/api/v1/notifications/" + fromHr).status()).isEqualTo(404);
        assertThat(signInAs(a, mei).get("/api/v1/me/notifications").json().get("unread").asInt()).isEqualTo(2);
    }

    private void assertRefused(Api sender, Map<String, Object> body, int status, String code) {
        var response = sender.post("/api/v1/notifications", body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.code()).as(response.body()).isEqualTo(code);
    }

    /** Records that the person received {@code count} notifications from another app just now. */
    private void seedReceived(Org org, String userId, int count) {
        long tenant = tenantId(org);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            var key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into msg_notice_task (tenant_id, sender_kind, sender_id, sender_name, content,
                                                         content_hash, to_all, user_count, department_ids,
                                                         invalid_department_ids, status, created_at)
                            values (:t, 'APP', 'dingseed', 'Seed', '{"kind":"text","text":"x"}', :h, false, 1, '', '',
                                    2, :now)""")
                    .param("t", tenant).param("h", "seed" + i).param("now", now).update(key, "id");
            jdbc.sql("""
                            insert into msg_notice_recipient (tenant_id, task_id, user_id, outcome, created_at)
                            values (:t, :task, :u, 1, :now)""")
                    .param("t", tenant).param("task", key.getKeyAs(Number.class).longValue()).param("u", userId)
                    .param("now", now).update();
        }
    }
}
