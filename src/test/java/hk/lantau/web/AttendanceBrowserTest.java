package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Clocking in from a phone-sized Chromium whose location is set through the DevTools protocol:
 * the notice first, a denied location, inside the fence (Normal or Late by the test clock),
 * outside (refused, or asked for a reason, by the group's policy), a rough location, and the day
 * in My attendance, in English and Chinese.
 */
class AttendanceBrowserTest extends BrowserTestSupport {

    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    private static final double LAT = 22.2800;
    private static final double LON = 114.1588;
    /** About 2.2 km north of the place: outside its fence. */
    private static final double OUTSIDE_LAT = 22.3000;

    @Autowired
    private Accounts accounts;

    @Test
    void aStaffMemberClocksInOnTheirPhoneAndSeesTheDayInTheirMonth() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        String ada = person(org, "Ada Lam");
        attendanceGroup(org, "REFUSE", ada);

        phone();
        signInAs(ada, PASSWORD);
        open("/attendance?lang=en");
        find("[data-test=notice-needed]");
        screenshot("notice-needed");
        click("[data-test=read-notice]");
        waitForPath("/attendance/notice");
        screenshot("notice");
        click("[data-test=acknowledge]");
        find("[data-test=acknowledged]");

        location("denied", LAT, LON, 10);
        click("[data-test=clock-button]");
        waitForText("[data-test=geo-status]", "did not give your location");
        assertThat(find("[data-geo-help]").getText()).contains("set Location to Allow");
        screenshot("location-denied");

        at(day, LocalTime.of(9, 3));
        location("granted", LAT + 0.0002, LON, 12);
        click("[data-test=clock-button]");
        var result = find("[data-test=clock-result]");
        assertThat(result.getAttribute("data-time-result")).isEqualTo("Normal");
        assertThat(result.getText()).contains("Clocked in at 09:03", "Central office, 22 m from its centre", "±12 m");
        screenshot("clocked-in-normal");

        at(day, LocalTime.of(9, 40));
        location("granted", OUTSIDE_LAT, LON, 8);
        click("[data-test=clock-button]");
        var refusal = find("[data-test=clock-refusal]");
        assertThat(refusal.getAttribute("data-code")).isEqualTo("attendance.outside_fence");
        assertThat(refusal.getText()).contains("You are 2.2 km from Central office");
        screenshot("outside-refused");

        location("granted", LAT, LON, 400);
        click("[data-test=clock-button]");
        find("[data-test=geo-poor]");
        assertThat(find("[data-test=geo-status]").getText()).contains("±400 m", "100 m");
        screenshot("accuracy-poor");
        click("[data-test=clock-anyway]");
        var out = find("[data-test=clock-result]");
        assertThat(out.getAttribute("data-time-result")).isEqualTo("Early");
        assertThat(out.getText()).contains("Clocked out at 09:40", "Poor accuracy");
        screenshot("clocked-out-early");

        click("[data-test=to-my-attendance]");
        waitForPath("/attendance/me");
        click("td[data-date='" + day + "'] a");
        waitForText("[data-test=day-detail]", "Left early");
        assertThat(find("[data-test=day-records]").getText()).contains("09:03", "09:40", "Central office");
        screenshot("my-day-phone");

        desktop();
        open("/attendance/me?month=" + YearMonth.from(day) + "&day=" + day + "&lang=en");
        assertThat(find("td[data-date='" + day + "'] a").getAttribute("aria-label"))
                .contains("Left 503 minutes early");
        screenshot("my-month-desktop");
        open("/attendance?lang=en");
        screenshot("clock-desktop");
        open("/attendance/me?month=" + YearMonth.from(day) + "&day=" + day + "&lang=zh-HK");
        waitForText("[data-test=day-detail]", "早退");
        screenshot("my-month-desktop-zh");
    }

    @Test
    void outsideTheFenceAGroupThatAcceptsReasonsTakesTheClockInWithOneInChinese() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        String ben = person(org, "Ben Chow");
        attendanceGroup(org, "ACCEPT_WITH_REASON", ben);

        phone();
        signInAs(ben, PASSWORD);
        open("/attendance?lang=zh-HK");
        screenshot("notice-needed-zh");
        click("[data-test=read-notice]");
        waitForPath("/attendance/notice");
        screenshot("notice-zh");
        click("[data-test=acknowledge]");
        find("[data-test=acknowledged]");
        at(day, LocalTime.of(9, 10));
        open("/attendance?lang=zh-HK");
        find("[data-test=clock-form]");
        screenshot("clock-zh");
        location("granted", OUTSIDE_LAT, LON, 9);
        click("[data-test=clock-button]");
        find("[data-test=reason-field]");
        assertThat(find("[data-test=clock-refusal]").getAttribute("data-code"))
                .isEqualTo("attendance.outside_reason_required");
        type("#outsideReason", "到九龍探訪客戶");
        screenshot("reason-zh");
        click("[data-test=clock-button]");
        var result = find("[data-test=clock-result]");
        assertThat(result.getAttribute("data-time-result")).isEqualTo("Late");
        assertThat(result.getAttribute("data-location-result")).isEqualTo("Outside");
        assertThat(result.getText()).contains("遲到", "外勤", "到九龍探訪客戶");
        screenshot("late-outside-zh");

        open("/attendance/me?lang=zh-HK");
        click("td[data-date='" + day + "'] a");
        waitForText("[data-test=day-detail]", "到九龍探訪客戶");
        screenshot("my-day-zh");
        open("/attendance/me?lang=en&month=" + YearMonth.from(day) + "&day=" + day);
        waitForText("[data-test=day-detail]", "Late by 10 minutes");
        screenshot("my-day-en");
    }

    private void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    private void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Sets the browser's geolocation permission for the site and the point it reports. */
    private void location(String permission, double latitude, double longitude, double accuracy) {
        ChromiumDriver chromium = (ChromiumDriver) browser;
        chromium.executeCdpCommand("Browser.setPermission", Map.of("origin", baseUrl(),
                "permission", Map.of("name", "geolocation"), "setting", permission));
        chromium.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", latitude,
                "longitude", longitude, "accuracy", accuracy));
    }

    /** Moves the shared clock to 07:00 Hong Kong time of a day ahead and returns that date. */
    private LocalDate newWorkDate() {
        LocalDate day = clock.instant().atZone(HK).toLocalDate().plusDays(2);
        clock.set(day.atTime(7, 0).atZone(HK).toInstant());
        return day;
    }

    private void at(LocalDate day, LocalTime time) {
        clock.set(day.atTime(time).atZone(HK).toInstant());
    }

    /** A place in Central with a 100 m fence, a 09:00 to 18:00 shift every day, a group and the notice. */
    private void attendanceGroup(Org org, String policy, String... emails) {
        var place = org.admin().post("/api/v1/attendance/places", Map.of("name", "Central office",
                "address", "1 Queen's Road Central", "latitude", LAT, "longitude", LON, "radiusMeters", 100));
        assertThat(place.status()).as(place.body()).isEqualTo(201);
        var shift = org.admin().post("/api/v1/attendance/shifts", Map.of("name", "Office hours", "onTime", "09:00",
                "offTime", "18:00", "flexibleMinutes", 5, "seriousLateMinutes", 30, "workingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")));
        assertThat(shift.status()).as(shift.body()).isEqualTo(201);
        var group = org.admin().post("/api/v1/attendance/groups", Map.of("name", "Central staff",
                "shiftId", shift.json().get("id").asLong(), "placeIds", List.of(place.json().get("id").asLong()),
                "outsidePolicy", policy, "userIds", List.of(emails).stream().map(e -> userId(org, e)).toList()));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        var notice = org.admin().put("/api/v1/attendance/settings", Map.of("noticeText",
                "We record one location point when you clock in, to confirm attendance at our offices. "
                        + "Precise locations are erased after 90 days."));
        assertThat(notice.status()).as(notice.body()).isEqualTo(200);
    }

    private String person(Org org, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.hk";
        var created = org.admin().post("/api/v1/users", Map.of("name", name, "email", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long tenantId = jdbc.sql("select id from tenant where corp_id = :c").param("c", org.corpId())
                .query(Long.class).single();
        long account = accounts.createUserAccount(tenantId, created.json().get("userId").asText(), email);
        setPassword(accounts.issueLink(account, LoginLink.Purpose.SETUP).url(), PASSWORD);
        return email;
    }

    private String userId(Org org, String email) {
        return jdbc.sql("select u.userid from dir_user u join tenant t on t.id = u.tenant_id "
                        + "where t.corp_id = :c and u.email = :e")
                .param("c", org.corpId()).param("e", email).query(String.class).single();
    }
}
