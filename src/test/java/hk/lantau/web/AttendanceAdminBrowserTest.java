package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * An HR admin goes through the attendance admin pages in Chromium, in English and in Chinese, and
 * adds a place with a radius the module refuses first, and picks a leave template whose fields the
 * settings page then offers; each page is saved as a screenshot.
 */
class AttendanceAdminBrowserTest extends BrowserTestSupport {

    private static final List<String> PAGES = List.of("places", "shifts", "groups", "groups/new", "holidays",
            "weather", "reports", "exports", "payroll-codes", "sftp", "sftp/new", "settings");

    @Test
    void adminWalksThroughTheAttendancePages() {
        Org org = newOrganisation();
        long place = org.admin().post("/api/v1/attendance/places", Map.of("name", "Central office", "latitude", 22.28,
                "longitude", 114.1588, "radiusMeters", 100, "wifi", List.of(Map.of("ssid", "Lantau-Office")))).json()
                .get("id").asLong();
        long shift = org.admin().post("/api/v1/attendance/shifts", Map.of("name", "Office hours", "onTime", "09:00",
                "offTime", "18:00", "flexibleMinutes", 5, "seriousLateMinutes", 30, "workingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))).json().get("id").asLong();
        org.admin().post("/api/v1/attendance/groups", Map.of("name", "Head office", "shiftId", shift,
                "placeIds", List.of(place), "departmentIds", List.of(1)));
        signInAs(org.adminEmail(), PASSWORD);
        waitForPath("/");

        open("/admin/attendance/places/new?lang=en");
        type("#name", "Kwun Tong office");
        type("#latitude", "22.3120");
        type("#longitude", "114.2250");
        type("#radiusMeters", "800");
        type("#ssid-0", "KT-Office");
        click("[data-test=place-form] button[type=submit]");
        waitForText(".field.has-error .field-error", "Give a radius from 10 to 500 metres.");
        assertThat(find("#name").getAttribute("value")).isEqualTo("Kwun Tong office");
        screenshot("place-refused");
        type("#radiusMeters", "150");
        click("[data-test=place-form] button[type=submit]");
        waitForText("[data-test=places-table]", "Kwun Tong office");

        org.admin().post("/api/v1/approval-templates", Map.of("name", "Leave by the hour", "form", List.of(
                Map.of("id", "span", "type", "DDDateRangeField", "label", "When", "required", true)),
                "process", List.of(Map.of("type", "approver", "id", "boss", "name", "Boss",
                        "approvers", Map.of("kind", "USERS", "userIds", List.of(org.adminUserId()))))));
        open("/admin/attendance/settings?lang=en");
        new Select(find("#leaveProcessCode")).selectByVisibleText("Leave by the hour");
        waitForText("#leaveRangeFieldId", "When (span)");
        assertThat(find("#leaveProcessCode").getAttribute("value")).as("the choice is kept, not saved").isNotEmpty();

        for (String lang : List.of("en", "zh-HK")) {
            for (String page : PAGES) {
                open("/admin/attendance/" + page + "?lang=" + lang);
                find("main h1");
                screenshot(page.replace('/', '-') + "-" + lang);
            }
        }
        open("/admin/attendance/places?lang=zh-HK");
        waitForText("h1", "考勤");
    }
}
