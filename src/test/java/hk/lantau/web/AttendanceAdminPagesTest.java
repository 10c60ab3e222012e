package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The attendance admin pages keep the module's rules: refused forms come back with each message at
 * its field and every value kept, people without the permission get the 403 page, and another
 * organisation's places, shifts, groups, holidays and SFTP destinations are the 404 page.
 */
class AttendanceAdminPagesTest extends MessagingPagesTestSupport {

    private static final Pattern EDIT_LINK = Pattern.compile("href=\"/admin/attendance/(places|shifts|groups)/(\\d+)\"");

    @Test
    void adminsSetUpPlacesShiftsAndGroupsWithErrorsAtTheirFields() {
        Org org = newOrganisation();
        PageClient admin = console(org);
        assertThat(admin.get("/").body()).contains("href=\"/admin/attendance\"");
        assertThat(admin.get("/admin/attendance").location()).endsWith("/admin/attendance/places");
        assertThat(admin.get("/admin/attendance/places").body()).contains("No places yet.");

        admin.get("/admin/attendance/places/new");
        var refused = admin.postAll("/admin/attendance/places", List.of(Map.entry("name", "Kwun Tong office"),
                Map.entry("latitude", "22.3120"), Map.entry("longitude", "114.2250"), Map.entry("radiusMeters", "600"),
                Map.entry("ssid", "KT-Office"), Map.entry("bssid", "0A:1B:2C:3D:4E:5F"), Map.entry("ssid", ""),
                Map.entry("bssid", "")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Give a radius from 10 to 500 metres.", "value=\"Kwun Tong office\"",
                "value=\"22.3120\"", "value=\"600\"", "value=\"KT-Office\"", "value=\"0A:1B:2C:3D:4E:5F\"");
        assertThat(admin.get("/admin/attendance/places").body()).doesNotContain("Kwun Tong office");
        var created = admin.postAll("/admin/attendance/places", List.of(Map.entry("name", "Kwun Tong office"),
                Map.entry("latitude", "22.3120"), Map.entry("longitude", "114.2250"), Map.entry("radiusMeters", "150"),
                Map.entry("ssid", "KT-Office"), Map.entry("bssid", "")));
        assertThat(created.location()).endsWith("/admin/attendance/places?done=created");
        String places = admin.get("/admin/attendance/places").body();
        assertThat(places).contains("Kwun Tong office", "150 m", "KT-Office", "openstreetmap.org/?mlat=22.312");
        long placeId = id(places, "places");

        admin.get("/admin/attendance/shifts/new");
        var impossible = admin.postAll("/admin/attendance/shifts", List.of(Map.entry("name", "Early"),
                Map.entry("onTime", "07:00"), Map.entry("offTime", "07:00"), Map.entry("flexibleMinutes", "ten"),
                Map.entry("seriousLateMinutes", "30"), Map.entry("workingDays", "MONDAY")));
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.body()).contains("The lateness thresholds are out of order", "value=\"ten\"",
                "value=\"Early\"");
        var sameTimes = admin.postAll("/admin/attendance/shifts", List.of(Map.entry("name", "Early"),
                Map.entry("onTime", "07:00"), Map.entry("offTime", "07:00"), Map.entry("flexibleMinutes", "5"),
                Map.entry("seriousLateMinutes", "30"), Map.entry("workingDays", "MONDAY"),
                Map.entry("workingDays", "TUESDAY")));
        assertThat(sameTimes.status()).isEqualTo(400);
        assertThat(sameTimes.body()).contains("The off time must differ from the on time.", "value=\"07:00\"")
                .containsPattern("value=\"TUESDAY\" checked");
        assertThat(admin.postAll("/admin/attendance/shifts", List.of(Map.entry("name", "Early"),
                Map.entry("onTime", "07:00"), Map.entry("offTime", "16:00"), Map.entry("flexibleMinutes", "5"),
                Map.entry("seriousLateMinutes", "30"), Map.entry("workingDays", "MONDAY"))).status()).isEqualTo(302);
        String shifts = admin.get("/admin/attendance/shifts").body();
        assertThat(shifts).contains("Early", "07:00–16:00");
        long shiftId = id(shifts, "shifts");

        Person staff = person(org, "Wong Siu Ming");
        admin.get("/admin/attendance/groups/new");
        var noPlaces = admin.postAll("/admin/attendance/groups", List.of(Map.entry("name", "Kowloon East"),
                Map.entry("shiftId", String.valueOf(shiftId)), Map.entry("outsidePolicy", "ACCEPT_WITH_REASON"),
                Map.entry("accuracyLimitMeters", "100"), Map.entry("userIds", staff.userId())));
        assertThat(noPlaces.status()).isEqualTo(400);
        assertThat(noPlaces.body()).contains("Name 1 to 100 places.", "value=\"Kowloon East\"")
                .containsPattern("value=\"" + staff.userId() + "\" selected")
                .containsPattern("value=\"ACCEPT_WITH_REASON\" checked");
        assertThat(admin.postAll("/admin/attendance/groups", List.of(Map.entry("name", "Kowloon East"),
                Map.entry("shiftId", String.valueOf(shiftId)), Map.entry("outsidePolicy", "REFUSE"),
                Map.entry("accuracyLimitMeters", "100"), Map.entry("placeIds", String.valueOf(placeId)),
                Map.entry("userIds", staff.userId()), Map.entry("departmentIds", "1"))).status()).isEqualTo(302);
        assertThat(admin.get("/admin/attendance/groups").body()).contains("Kowloon East", "Kwun Tong office",
                "1 people, 1 departments");

        var inUse = admin.post("/admin/attendance/places/" + placeId + "/delete", Map.of());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.body()).contains("An attendance group uses this place.");
    }

    @Test
    void reportsAndExportsNameWhatBig5CannotHold() {
        Org org = newOrganisation();
        PageClient admin = console(org);
        var report = admin.get("/admin/attendance/reports?month=2026-03");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("Nobody has attendance records in this period.",
                "/admin/attendance/exports?month=2026-03");
        assertThat(admin.get("/admin/attendance/reports?month=March").status()).isEqualTo(400);

        var page = admin.get("/admin/attendance/exports?month=2026-03");
        assertThat(page.body()).contains("value=\"2026-03\"", "Big5-HKSCS");
        var csv = admin.post("/admin/attendance/exports", Map.of("month", "2026-03", "format", "CSV",
                "encoding", "UTF_8"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("Payroll code,");

        var profile = admin.postAll("/admin/attendance/exports/profile", List.of(Map.entry("column", "userId"),
                Map.entry("position.userId", "2"), Map.entry("label.userId", "員工"), Map.entry("column", "name"),
                Map.entry("position.name", "1"), Map.entry("label.name", "姓名（峯）"), Map.entry("dateFormat", "dd/MM/yyyy")));
        assertThat(profile.location()).endsWith("done=profile_saved");
        var big5 = admin.post("/admin/attendance/exports", Map.of("month", "2026-03", "format", "CSV",
                "encoding", "BIG5"));
        assertThat(big5.status()).isEqualTo(422);
        assertThat(big5.body()).contains("data-test=\"unencodable\"", "header.name", "U+5CEF 峯");
        var hkscs = admin.post("/admin/attendance/exports", Map.of("month", "2026-03", "format", "CSV",
                "encoding", "BIG5_HKSCS"));
        assertThat(hkscs.status()).isEqualTo(200);

        var badPattern = admin.postAll("/admin/attendance/exports/profile", List.of(Map.entry("column", "userId"),
                Map.entry("position.userId", "1"), Map.entry("label.userId", "Staff"), Map.entry("dateFormat", "qqqqqqqq{")));
        assertThat(badPattern.status()).isEqualTo(400);
        assertThat(badPattern.body()).contains("value=\"qqqqqqqq{\"", "value=\"Staff\"");
    }

    @Test
    void payrollCodesAndSftpDestinationsNeverShowSecrets() {
        Org org = newOrganisation();
        PageClient admin = console(org);
        Person staff = person(org, "Lee Ka Yan");
        assertThat(admin.get("/admin/attendance/payroll-codes").body()).contains(
                "action=\"/admin/attendance/payroll-codes/import\"", "accept=\".csv,text/csv\"", "Import a CSV file");
        assertThat(admin.post("/admin/attendance/payroll-codes", Map.of("userId", staff.userId(),
                "payrollCode", "P-0042")).status()).isEqualTo(302);
        assertThat(admin.get("/admin/attendance/payroll-codes").body()).contains("P-0042", "Lee Ka Yan");
        var taken = admin.post("/admin/attendance/payroll-codes", Map.of("userId", org.adminUserId(),
                "payrollCode", "P-0042"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("Another person has this payroll code.", "value=\"P-0042\"");
        var badFile = admin.postFile("/admin/attendance/payroll-codes/import", "file", "codes.csv",
                "userId,payrollCode\nnobody-here,P-1\n");
        assertThat(badFile.status()).isEqualTo(400);
        assertThat(badFile.body()).contains("data-test=\"import-problems\"", "line 2");
        var imported = admin.postFile("/admin/attendance/payroll-codes/import", "file", "codes.csv",
                "userId,payrollCode\n" + org.adminUserId() + ",P-0001\n");
        assertThat(imported.location()).contains("imported=1");

        admin.get("/admin/attendance/sftp/new");
        var refused = admin.post("/admin/attendance/sftp", Map.ofEntries(Map.entry("name", "Payroll provider"),
                Map.entry("host", "sftp.example.hk"), Map.entry("port", "22"), Map.entry("username", "lantau"),
                Map.entry("password", "Secret-Pass-1"), Map.entry("hostKeyFingerprint", "not a fingerprint"),
                Map.entry("schedule", "MONTHLY"), Map.entry("dayOfMonth", "31"), Map.entry("time", "06:00"),
                Map.entry("maxRetries", "3"), Map.entry("retryMinutes", "15"), Map.entry("enabled", "true")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Give the server key’s SHA256 fingerprint",
                "Give a day of the month from 1 to 28.", "value=\"sftp.example.hk\"", "value=\"31\"")
                .doesNotContain("Secret-Pass-1");
        var created = admin.post("/admin/attendance/sftp", Map.ofEntries(Map.entry("name", "Payroll provider"),
                Map.entry("host", "sftp.example.hk"), Map.entry("port", "22"), Map.entry("username", "lantau"),
                Map.entry("password", "Secret-Pass-1"),
                Map.entry("hostKeyFingerprint", "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"),
                Map.entry("schedule", "MONTHLY"), Map.entry("dayOfMonth", "1"), Map.entry("time", "06:00"),
                Map.entry("maxRetries", "3"), Map.entry("retryMinutes", "15"), Map.entry("enabled", "true")));
        assertThat(created.location()).matches(".*/admin/attendance/sftp/\\d+\\?done=created");
        var shown = admin.get(created.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(shown.body()).contains("Payroll provider", "A password is stored and never shown",
                "Nothing sent yet.").doesNotContain("Secret-Pass-1");
        assertThat(admin.get("/admin/attendance/sftp").body()).contains("lantau@sftp.example.hk:22");
    }

    @Test
    void holidaysAndWeatherSignals() {
        Org org = newOrganisation();
        PageClient admin = console(org);
        assertThat(admin.get("/admin/attendance/holidays?year=2027").body()).contains(
                "action=\"/admin/attendance/holidays/import\"", "accept=\".ics,text/calendar\"");
        var bad = admin.post("/admin/attendance/holidays", Map.of("date", "", "name", "Lunar New Year"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Give the date as yyyy-MM-dd.", "value=\"Lunar New Year\"");
        assertThat(admin.post("/admin/attendance/holidays", Map.of("date", "2027-02-06", "name", "Lunar New Year"))
                .location()).endsWith("year=2027&done=holiday_added");
        var imported = admin.postFile("/admin/attendance/holidays/import", "file", "hk.ics", String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
                "BEGIN:VEVENT", "UID:a@test", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270101",
                "DTEND;VALUE=DATE:20270102", "SUMMARY:The first day of January", "END:VEVENT",
                "BEGIN:VEVENT", "UID:b@test", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270206",
                "DTEND;VALUE=DATE:20270207", "SUMMARY:Lunar New Year", "END:VEVENT", "END:VCALENDAR", ""));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body()).contains("1 holidays added, 1 already in the calendar",
                "The first day of January");
        var notCalendar = admin.postFile("/admin/attendance/holidays/import", "file", "x.ics", "hello");
        assertThat(notCalendar.status()).isEqualTo(400);
        assertThat(notCalendar.body()).contains("This is not an iCalendar file Lantau can read");

        admin.get("/admin/attendance/weather");
        var backwards = admin.post("/admin/attendance/weather", Map.of("type", "T8_OR_ABOVE",
                "startsAt", "2026-09-01T10:00", "endsAt", "2026-09-01T08:00", "note", "Typhoon Mawar"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("value=\"2026-09-01T10:00\"", "value=\"Typhoon Mawar\"");
        var hours = admin.post("/admin/attendance/weather/settings", Map.of("weatherReportHours", "30"));
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.body()).contains("Give from 0 to 24 hours", "value=\"30\"");
        assertThat(admin.post("/admin/attendance/weather/settings", Map.of("weatherReportHours", "3")).location())
                .endsWith("done=settings_saved");
    }

    @Test
    void staffGetTheForbiddenPageAndOtherOrganisationsFindNothing() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        Person staff = person(mine, "Chan Tai Man");
        PageClient person = pages(staff);
        assertThat(person.get("/").body()).doesNotContain("href=\"/admin/attendance");
        for (String path : List.of("/admin/attendance", "/admin/attendance/places", "/admin/attendance/shifts/new",
                "/admin/attendance/groups", "/admin/attendance/holidays", "/admin/attendance/weather",
                "/admin/attendance/reports", "/admin/attendance/exports", "/admin/attendance/payroll-codes",
                "/admin/attendance/sftp", "/admin/attendance/settings")) {
            var page = person.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
        }
        assertThat(person.post("/admin/attendance/places", Map.of("name", "Mine", "latitude", "22.3",
                "longitude", "114.2", "radiusMeters", "100")).status()).isEqualTo(403);

        long place = mine.admin().post("/api/v1/attendance/places", json("name", "Secret site", "latitude", 22.3,
                "longitude", 114.2, "radiusMeters", 100)).json().get("id").asLong();
        long shift = mine.admin().post("/api/v1/attendance/shifts", json("name", "Secret shift", "onTime", "09:00",
                "offTime", "18:00", "seriousLateMinutes", 30, "workingDays", List.of("MONDAY"))).json().get("id").asLong();
        long group = mine.admin().post("/api/v1/attendance/groups", json("name", "Secret group", "shiftId", shift,
                "placeIds", List.of(place))).json().get("id").asLong();
        long holiday = mine.admin().post("/api/v1/attendance/holidays", json("date", "2027-07-01",
                "name", "Establishment Day")).json().get("id").asLong();
        PageClient other = console(theirs);
        assertThat(other.get("/admin/attendance/places/" + place).status()).isEqualTo(404);
        assertThat(other.post("/admin/attendance/places/" + place, Map.of("name", "Taken")).status()).isEqualTo(404);
        assertThat(other.get("/admin/attendance/shifts/" + shift).status()).isEqualTo(404);
        assertThat(other.post("/admin/attendance/shifts/" + shift + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/admin/attendance/groups/" + group).status()).isEqualTo(404);
        assertThat(other.post("/admin/attendance/holidays/" + holiday + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/admin/attendance/sftp/999999").status()).isEqualTo(404);
        assertThat(other.get("/admin/attendance/places").body()).doesNotContain("Secret site");
        assertThat(mine.admin().get("/api/v1/attendance/places/" + place).json().get("name").asText())
                .isEqualTo("Secret site");
    }

    private static long id(String body, String kind) {
        Matcher m = EDIT_LINK.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return Long.parseLong(m.group(2));
            }
        }
        throw new AssertionError("no " + kind + " link");
    }
}
