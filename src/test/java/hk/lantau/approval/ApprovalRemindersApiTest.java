package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.approval.internal.time.DigestJob;
import hk.lantau.support.Api;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Digest schedules through the API, and the digest itself: one card per approver with all their
 * pending tasks, at the organisation's local time and at no other.
 */
class ApprovalRemindersApiTest extends ApprovalTimeApiTestSupport {

    private static final String PATH = "/api/v1/approval-reminders";
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Autowired
    DigestJob job;

    @Test
    void saturdayTenInHongKongIsTheInstantShownAndEachApproverGetsOneDigestThenAndOnlyThen() {
        Org org = newOrganisation();
        Person staff = person(org, "Sam Staff");
        Person busy = person(org, "Bella Busy");
        Person light = person(org, "Liam Light");
        Person idle = person(org, "Ivy Idle");
        String code = createTemplate(org.admin(), template("Leave", List.of(
                approverStep("a", "SEQUENTIAL", busy.userId()))));
        String other = createTemplate(org.admin(), template("Training", List.of(
                approverStep("a", "SEQUENTIAL", light.userId()))));
        String first = submitLeave(staff.api(), code, 1);
        String second = submitLeave(staff.api(), code, 2);
        String third = submitLeave(staff.api(), other, 3);

        var saved = org.admin().put(PATH, json("schedules", List.of(
                json("daysOfWeek", List.of("SATURDAY"), "time", "10:00", "enabled", true))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("timeZone").asText()).isEqualTo("Asia/Hong_Kong");
        JsonNode schedule = saved.json().get("schedules").get(0);
        assertThat(texts(schedule.get("daysOfWeek"), null)).containsExactly("SATURDAY");
        assertThat(schedule.get("time").asText()).isEqualTo("10:00");
        Instant next = Instant.parse(schedule.get("nextAt").asText());
        ZonedDateTime local = next.atZone(HONG_KONG);
        assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(local.toLocalTime().toString()).isEqualTo("10:00");
        assertThat(next.atZone(ZoneId.of("UTC")).getHour()).isEqualTo(2);
        assertThat(next).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofDays(7)));
        assertThat(auditCount(org, "approval.reminders.replaced")).isEqualTo(1);

        clock.advance(Duration.between(clock.instant(), next).minusMinutes(1));
        job.run();
        assertThat(digests(again(busy))).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        job.run();
        job.run();
        List<JsonNode> busyDigests = digests(again(busy));
        assertThat(busyDigests).hasSize(1);
        JsonNode card = busyDigests.get(0).get("content");
        assertThat(card.get("kind").asText()).isEqualTo("actionCard");
        assertThat(card.get("title").asText()).isEqualTo("2 approvals wait for you / 2 項審批待你處理");
        assertThat(card.get("text").asText()).contains("/approvals/" + first).contains("/approvals/" + second)
                .doesNotContain(third);
        assertThat(card.get("singleUrl").asText()).endsWith("/approvals/tasks");
        List<JsonNode> lightDigests = digests(again(light));
        assertThat(lightDigests).hasSize(1);
        assertThat(lightDigests.get(0).get("content").get("text").asText()).contains("/approvals/" + third);
        assertThat(digests(again(idle))).isEmpty();
        assertThat(digests(again(staff))).isEmpty();
        var read = signInAgain(org.adminEmail()).get(PATH);
        assertThat(read.json().get("schedules").get(0).get("lastSentAt").asText()).isEqualTo(next.toString());

        // Later the same day, on other days, and a week later only once more.
        clock.advance(Duration.ofHours(3));
        job.run();
        clock.advance(Duration.ofDays(3));
        job.run();
        assertThat(digests(again(busy))).hasSize(1);
        clock.advance(Duration.between(clock.instant(), next.plus(Duration.ofDays(7))).plusSeconds(30));
        job.run();
        job.run();
        assertThat(digests(again(busy))).hasSize(2);
    }

    @Test
    void theScheduleFollowsTheOrganisationsTimeZone() {
        Org org = newOrganisation();
        assertThat(org.admin().put(PATH, json("schedules", List.of(
                json("daysOfWeek", List.of("MONDAY"), "time", "09:00")))).status()).isEqualTo(200);
        Instant hongKong = Instant.parse(org.admin().get(PATH).json().get("schedules").get(0).get("nextAt").asText());
        assertThat(org.admin().patch("/api/v1/org", Map.of("timeZone", "America/New_York")).status()).isEqualTo(200);
        JsonNode settings = org.admin().get(PATH).json();
        assertThat(settings.get("timeZone").asText()).isEqualTo("America/New_York");
        ZonedDateTime newYork = Instant.parse(settings.get("schedules").get(0).get("nextAt").asText())
                .atZone(ZoneId.of("America/New_York"));
        assertThat(newYork.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(newYork.toLocalTime().toString()).isEqualTo("09:00");
        assertThat(newYork.toInstant()).isNotEqualTo(hongKong);
    }

    @Test
    void aDisabledScheduleSendsNothingAndAnEmptyListTurnsDigestsOff() {
        Org org = newOrganisation();
        Person staff = person(org, "Ken Staff");
        Person approver = person(org, "Olive Approver");
        String code = createTemplate(org.admin(), template("Leave", List.of(
                approverStep("a", "SEQUENTIAL", approver.userId()))));
        submitLeave(staff.api(), code, 1);
        ZonedDateTime now = clock.instant().atZone(HONG_KONG);
        String day = now.plusDays(1).getDayOfWeek().name();
        var saved = org.admin().put(PATH, json("schedules", List.of(
                json("daysOfWeek", List.of(day), "time", "09:00", "enabled", false))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("schedules").get(0).has("nextAt")).isFalse();

        clock.advance(Duration.ofDays(2));
        job.run();
        assertThat(digests(again(approver))).isEmpty();

        var off = signInAgain(org.adminEmail()).put(PATH, json("schedules", List.of()));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("schedules")).isEmpty();
    }

    @Test
    void invalidSchedulesAreRefusedWithTheirCodesAndChangeNothing() {
        Org org = newOrganisation();
        var saved = org.admin().put(PATH, json("schedules", List.of(
                json("daysOfWeek", List.of("MONDAY", "FRIDAY"), "time", "09:30"))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("schedules").get(0).get("enabled").asBoolean()).isTrue();

        assertRefused(org.admin(), List.of(json("daysOfWeek", List.of("FUNDAY"), "time", "10:00")),
                "approval.reminder_days_invalid");
        assertRefused(org.admin(), List.of(json("daysOfWeek", List.of(), "time", "10:00")),
                "approval.reminder_days_invalid");
        assertRefused(org.admin(), List.of(json("daysOfWeek", List.of("SATURDAY"), "time", "25:00")),
                "approval.reminder_time_invalid");
        assertRefused(org.admin(), List.of(json("daysOfWeek", List.of("SATURDAY"), "time", "10am")),
                "approval.reminder_time_invalid");
        assertRefused(org.admin(), List.of(json("daysOfWeek", List.of("SATURDAY"), "time", "10:00"),
                json("daysOfWeek", List.of("SUNDAY", "SATURDAY"), "time", "10:00")), "approval.reminder_overlap");
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(json("daysOfWeek", List.of("MONDAY"), "time", String.format("%02d:00", i)));
        }
        assertRefused(org.admin(), eleven, "approval.reminders_too_many");

        JsonNode unchanged = org.admin().get(PATH).json().get("schedules");
        assertThat(unchanged).hasSize(1);
        assertThat(texts(unchanged.get(0).get("daysOfWeek"), null)).containsExactly("MONDAY", "FRIDAY");
        assertThat(auditCount(org, "approval.reminders.replaced")).isEqualTo(1);
    }

    @Test
    void onlyApprovalManagersAndAppsWithApprovalWriteMaySeeOrChangeThemAndEachOrganisationHasItsOwn() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        assertThat(org.admin().put(PATH, json("schedules", List.of(
                json("daysOfWeek", List.of("SATURDAY"), "time", "10:00")))).status()).isEqualTo(200);
        assertThat(other.admin().get(PATH).json().get("schedules")).isEmpty();
        assertThat(other.admin().put(PATH, json("schedules", List.of())).status()).isEqualTo(200);
        assertThat(org.admin().get(PATH).json().get("schedules")).hasSize(1);

        Person staff = person(org, "Nat Nobody");
        var refused = staff.api().put(PATH, json("schedules", List.of()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("auth.permission_missing");
        assertThat(staff.api().get(PATH).status()).isEqualTo(403);
        String hrId = createUser(org.admin(), json("name", "Hana HR", "email", newEmail("hr"), "mobile", newMobile(),
                "roleKeys", List.of("hr")));
        assertThat(signInAs(org, hrId).get(PATH).status()).isEqualTo(403);

        Api writer = app(org, "approval.write");
        assertThat(writer.get(PATH).json().get("schedules")).hasSize(1);
        Api reader = app(org, "approval.read");
        var scope = reader.get(PATH);
        assertThat(scope.status()).isEqualTo(403);
        assertThat(scope.json().get("code").asText()).isEqualTo("openplatform.scope_missing");
        assertThat(org.admin().get(PATH).json().get("schedules")).hasSize(1);
    }

    private void assertRefused(Api api, List<Map<String, Object>> schedules, String code) {
        var response = api.put(PATH, json("schedules", schedules));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("approval.reminders_invalid");
        assertThat(texts(response.json().get("errors"), "code")).contains(code);
    }

    private static List<JsonNode> digests(Person person) {
        var page = person.api().get("/api/v1/me/notifications");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(item -> {
            if (item.get("content").path("title").asText().contains("approvals wait for you")) {
                items.add(item);
            }
        });
        return items;
    }
}
