package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attendance settings page: the monitoring notice (a new version only when its text changes),
 * location retention and report-for-duty hours, and the leave and overtime templates picked from the
 * organisation's own. Refused values come back at their field and nothing is stored; every change is
 * read back through the API.
 */
class AttendanceSettingsPagesTest extends MessagingPagesTestSupport {

    @Test
    void theNoticeGetsANewVersionOnlyWhenItsTextChanges() {
        Org org = newOrganisation();
        PageClient admin = console(org);
        var page = admin.get("/admin/attendance/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/admin/attendance/settings\"", "Not published",
                "everyone must acknowledge it again", "value=\"90\"", "PDPO");

        var empty = admin.post("/admin/attendance/settings/notice", Map.of("noticeText", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("The monitoring notice needs 1 to 20,000 characters.", "id=\"noticeText-error\"");
        assertThat(settings(org).get("noticeVersion").asInt()).isZero();

        var published = admin.post("/admin/attendance/settings/notice", Map.of("noticeText",
                "We record where you clock in to check attendance at our sites."));
        assertThat(published.location()).endsWith("/admin/attendance/settings?done=notice_published");
        assertThat(settings(org).get("noticeVersion").asInt()).isEqualTo(1);
        assertThat(admin.get("/admin/attendance/settings?done=notice_published").body()).contains("Version 1",
                "We record where you clock in", "The notice is published as a new version",
                "No one has acknowledged version 1 so far.");
        Person staff = person(org, "Chan Tai Man");
        assertThat(staff.api().post("/api/v1/attendance/notice/acknowledgements", json("version", 1)).status())
                .isEqualTo(200);
        assertThat(admin.get("/admin/attendance/settings").body()).contains("One person has acknowledged version 1");

        var same = admin.post("/admin/attendance/settings/notice", Map.of("noticeText",
                "We record where you clock in to check attendance at our sites.\n"));
        assertThat(same.location()).endsWith("done=notice_unchanged");
        assertThat(settings(org).get("noticeVersion").asInt()).isEqualTo(1);

        admin.post("/admin/attendance/settings/notice", Map.of("noticeText", "We record where you clock in; "
                + "precise locations are kept 30 days."));
        JsonNode changed = settings(org);
        assertThat(changed.get("noticeVersion").asInt()).isEqualTo(2);
        assertThat(changed.get("noticeText").asText()).endsWith("kept 30 days.");
        assertThat(admin.get("/admin/attendance/settings").body()).as("everyone acknowledges again")
                .contains("No one has acknowledged version 2");
    }

    @Test
    void retentionAndReportHoursAreRefusedAtTheirFieldAndThenSaved() {
        Org org = newOrganisation();
        PageClient admin = console(org);
        admin.get("/admin/attendance/settings");
        for (String days : List.of("0", "10000")) {
            var refused = admin.post("/admin/attendance/settings/keeping", Map.of("retentionDays", days,
                    "weatherReportHours", "3"));
            assertThat(refused.status()).as(days).isEqualTo(400);
            assertThat(refused.body()).contains("Keep precise locations from 1 to 3,650 days.",
                    "value=\"" + days + "\"", "value=\"3\"");
        }
        var words = admin.post("/admin/attendance/settings/keeping", Map.of("retentionDays", "ninety",
                "weatherReportHours", "3"));
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.body()).contains("value=\"ninety\"");
        var hours = admin.post("/admin/attendance/settings/keeping", Map.of("retentionDays", "30",
                "weatherReportHours", "25"));
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.body()).contains("Give from 0 to 24 hours", "value=\"25\"", "value=\"30\"");
        var noHours = admin.post("/admin/attendance/settings/keeping", Map.of("retentionDays", "30",
                "weatherReportHours", ""));
        assertThat(noHours.status()).isEqualTo(400);
        JsonNode unchanged = settings(org);
        assertThat(unchanged.get("retentionDays").asInt()).isEqualTo(90);
        assertThat(unchanged.get("weatherReportHours").asInt()).isEqualTo(2);

        var saved = admin.post("/admin/attendance/settings/keeping", Map.of("retentionDays", "30",
                "weatherReportHours", "4"));
        assertThat(saved.location()).endsWith("done=keeping_saved");
        JsonNode after = settings(org);
        assertThat(after.get("retentionDays").asInt()).isEqualTo(30);
        assertThat(after.get("weatherReportHours").asInt()).isEqualTo(4);
        assertThat(after.get("noticeVersion").asInt()).as("the notice is untouched").isZero();
    }

    @Test
    void leaveAndOvertimeTemplatesArePickedWithTheirFields() {
        Org org = newOrganisation();
        String leave = template(org, "Leave by the hour", List.of(
                json("id", "span", "type", "DDDateRangeField", "label", "When", "required", true),
                json("id", "kind", "type", "DDSelectField", "label", "Kind of leave", "required", true,
                        "options", List.of("Annual", "Sick"))));
        String overtime = template(org, "Overtime", List.of(
                json("id", "worked", "type", "DDDateRangeField", "label", "Worked", "required", true),
                json("id", "hours", "type", "NumberField", "label", "Hours", "required", false)));
        PageClient admin = console(org);
        assertThat(admin.get("/admin/attendance/settings").body()).contains("Leave by the hour", "Overtime",
                "Default: the Leave preset");

        var loaded = admin.post("/admin/attendance/settings/leave", Map.of("action", "load",
                "leaveProcessCode", leave, "overtimeProcessCode", overtime, "overtimeRangeFieldId", "span"));
        assertThat(loaded.status()).isEqualTo(200);
        assertThat(loaded.body()).contains("When (span)", "Kind of leave (kind)", "Worked (worked)", "Hours (hours)")
                .doesNotContain("value=\"span\" selected");
        assertThat(leaveSettings(org).has("leaveProcessCode")).as("loading saves nothing").isFalse();

        var noRange = admin.post("/admin/attendance/settings/leave", Map.of("leaveProcessCode", leave,
                "leaveTypeFieldId", "kind", "overtimeProcessCode", overtime, "overtimeRangeFieldId", "worked"));
        assertThat(noRange.status()).isEqualTo(400);
        assertThat(noRange.body()).contains("id=\"leaveRangeFieldId\" name=\"leaveRangeFieldId\" aria-invalid=\"true\"",
                "value=\"kind\" selected", "value=\"worked\" selected");
        assertThat(leaveSettings(org).has("leaveProcessCode")).isFalse();

        var saved = admin.post("/admin/attendance/settings/leave", Map.of("action", "save",
                "leaveProcessCode", leave, "leaveRangeFieldId", "span", "leaveTypeFieldId", "kind",
                "overtimeProcessCode", overtime, "overtimeRangeFieldId", "worked", "overtimeHoursFieldId", "hours"));
        assertThat(saved.location()).endsWith("done=leave_saved");
        JsonNode read = leaveSettings(org);
        assertThat(read.get("leaveProcessCode").asText()).isEqualTo(leave);
        assertThat(read.get("leaveRangeFieldId").asText()).isEqualTo("span");
        assertThat(read.get("leaveTypeFieldId").asText()).isEqualTo("kind");
        assertThat(read.get("overtimeProcessCode").asText()).isEqualTo(overtime);
        assertThat(read.get("overtimeHoursFieldId").asText()).isEqualTo("hours");
        assertThat(admin.get("/admin/attendance/settings").body()).contains("value=\"span\" selected",
                "value=\"hours\" selected");

        admin.post("/admin/attendance/settings/leave", Map.of("leaveProcessCode", "", "leaveRangeFieldId", "span",
                "overtimeProcessCode", ""));
        JsonNode defaults = leaveSettings(org);
        assertThat(defaults.has("leaveProcessCode")).as("back to the preset's fields").isFalse();
        assertThat(defaults.has("leaveRangeFieldId")).isFalse();
        assertThat(defaults.has("overtimeProcessCode")).isFalse();
    }

    @Test
    void staffAreRefusedAndEachOrganisationSeesOnlyItsOwn() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        mine.admin().put("/api/v1/attendance/settings", json("noticeText", "Secret notice of mine", "retentionDays", 45));
        String secret = template(mine, "Secret leave", List.of(
                json("id", "span", "type", "DDDateRangeField", "label", "When", "required", true)));
        mine.admin().put("/api/v1/attendance/leave-settings", json("leaveProcessCode", secret, "leaveRangeFieldId", "span"));

        PageClient staff = pages(person(mine, "Chan Tai Man"));
        assertThat(staff.get("/").body()).doesNotContain("href=\"/admin/attendance");
        assertThat(staff.get("/admin/attendance/settings").status()).isEqualTo(403);
        assertThat(staff.post("/admin/attendance/settings/notice", Map.of("noticeText", "Mine now")).status())
                .isEqualTo(403);
        assertThat(staff.post("/admin/attendance/settings/keeping", Map.of("retentionDays", "1",
                "weatherReportHours", "0")).status()).isEqualTo(403);
        assertThat(staff.post("/admin/attendance/settings/leave", Map.of("leaveProcessCode", "")).status())
                .isEqualTo(403);

        PageClient other = console(theirs);
        var page = other.get("/admin/attendance/settings");
        assertThat(page.body()).doesNotContain("Secret notice of mine", "Secret leave", "value=\"45\"");
        var foreign = other.post("/admin/attendance/settings/leave", Map.of("leaveProcessCode", secret,
                "leaveRangeFieldId", "span"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("No such approval template in the organisation.");
        assertThat(other.post("/admin/attendance/settings/notice", Map.of("noticeText", "Theirs")).status())
                .isEqualTo(302);

        JsonNode kept = settings(mine);
        assertThat(kept.get("noticeText").asText()).isEqualTo("Secret notice of mine");
        assertThat(kept.get("retentionDays").asInt()).isEqualTo(45);
        assertThat(leaveSettings(mine).get("leaveProcessCode").asText()).isEqualTo(secret);
        assertThat(leaveSettings(theirs).has("leaveProcessCode")).isFalse();
    }

    private static JsonNode settings(Org org) {
        return org.admin().get("/api/v1/attendance/settings").json();
    }

    private static JsonNode leaveSettings(Org org) {
        return org.admin().get("/api/v1/attendance/leave-settings").json();
    }

    private static String template(Org org, String name, List<Map<String, Object>> form) {
        var created = org.admin().post("/api/v1/approval-templates", json("name", name, "groupName", "Attendance",
                "form", form, "process", List.of(json("type", "approver", "id", "boss", "name", "Boss",
                        "approvers", json("kind", "USERS", "userIds", List.of(org.adminUserId()))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("processCode").asText();
    }
}
