package hk.lantau.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.attendance.internal.DailyClose;
import hk.lantau.attendance.internal.LocationRetention;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AttendanceApiTest extends AttendanceApiTestSupport {

    @Autowired
    DailyClose dailyClose;

    @Autowired
    LocationRetention retention;

    @Test
    void onDutyResultsAreJudgedToTheMinuteInHongKongTime() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = new java.util.ArrayList<>(staff(org, "REFUSE", 5));

        at(day, LocalTime.of(9, 5, 59));
        assertThat(punchInside(p.get(0)).get("timeResult").asText()).as("exactly on the flexible limit").isEqualTo("Normal");
        at(day, LocalTime.of(9, 6));
        assertThat(punchInside(p.get(1)).get("timeResult").asText()).as("one minute past it").isEqualTo("Late");
        at(day, LocalTime.of(9, 30, 30));
        assertThat(punchInside(p.get(2)).get("timeResult").asText()).as("on the serious-late threshold").isEqualTo("Late");
        at(day, LocalTime.of(9, 31));
        assertThat(punchInside(p.get(3)).get("timeResult").asText()).isEqualTo("SeriousLate");
        at(day, LocalTime.of(11, 1));
        JsonNode absent = punchInside(p.get(4));
        assertThat(absent.get("timeResult").asText()).isEqualTo("Absenteeism");
        assertThat(absent.get("checkType").asText()).isEqualTo("OnDuty");
        assertThat(absent.get("locationResult").asText()).isEqualTo("Normal");
        assertThat(absent.get("workDate").asText()).isEqualTo(day.toString());

        var duplicate = punch(p.get(4), LAT, LON, 15.0, null);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("attendance.duplicate_punch");
        assertThat(records(org, p.get(4).userId())).isEqualTo(1);

        at(day, LocalTime.of(17, 0));
        p.set(0, again(p.get(0)));
        p.set(1, again(p.get(1)));
        at(day, LocalTime.of(17, 59, 59));
        JsonNode early = punchInside(p.get(0));
        assertThat(early.get("checkType").asText()).isEqualTo("OffDuty");
        assertThat(early.get("timeResult").asText()).isEqualTo("Early");
        at(day, LocalTime.of(18, 0));
        assertThat(punchInside(p.get(1)).get("timeResult").asText()).isEqualTo("Normal");
        at(day, LocalTime.of(18, 5));
        JsonNode later = punchInside(p.get(0));
        assertThat(later.get("id").asLong()).as("a later off-duty punch replaces the earlier").isEqualTo(early.get("id").asLong());
        assertThat(later.get("timeResult").asText()).as("in 5 minutes late, out 5 minutes late").isEqualTo("Normal");

        var mine = p.get(0).api().get("/api/v1/attendance/me?from=" + day + "&to=" + day);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(2);
    }

    @Test
    void outsideTheFenceIsRefusedOrAcceptedWithAReasonAndPoorAccuracyIsFlagged() {
        LocalDate day = newWorkDate();
        Org refusing = newOrganisation();
        Person r = staff(refusing, "REFUSE", 1).get(0);
        Org accepting = newOrganisation();
        Person a = staff(accepting, "ACCEPT_WITH_REASON", 1).get(0);
        at(day, LocalTime.of(8, 50));

        var refused = punch(r, OUTSIDE_LAT, LON, 10.0, "Visiting a client");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("attendance.outside_fence");
        assertThat(records(refusing, r.userId())).isZero();

        var noReason = punch(a, OUTSIDE_LAT, LON, 10.0, null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("attendance.outside_reason_required");
        assertThat(records(accepting, a.userId())).isZero();

        var accepted = punch(a, OUTSIDE_LAT, LON, 250.0, "Visiting a client");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("locationResult").asText()).isEqualTo("Outside");
        assertThat(accepted.json().get("outsideReason").asText()).isEqualTo("Visiting a client");
        assertThat(accepted.json().get("accuracyPoor").asBoolean()).as("250 m is over the group's 100 m").isTrue();

        at(day, LocalTime.of(8, 52));
        var byWifi = r.api().post("/api/v1/attendance/punches", json("bssid", "0a:1b:2c:3d:4e:5f"));
        assertThat(byWifi.status()).as(byWifi.body()).isEqualTo(201);
        assertThat(byWifi.json().get("locationResult").asText()).isEqualTo("Normal");
        assertThat(byWifi.json().get("accuracyPoor").asBoolean()).isFalse();
    }

    @Test
    void theMonitoringNoticeComesBeforeTheFirstClockIn() {
        newWorkDate();
        Org org = newOrganisation();
        Person person = person(org, "New Joiner");
        var missing = punch(person, LAT, LON, 10.0, null);
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.code()).isEqualTo("attendance.notice_missing");

        publishNotice(org.admin());
        group(org.admin(), "REFUSE", List.of(person));
        var unacknowledged = punch(person, LAT, LON, 10.0, null);
        assertThat(unacknowledged.status()).isEqualTo(409);
        assertThat(unacknowledged.code()).isEqualTo("attendance.notice_unacknowledged");
        assertThat(person.api().get("/api/v1/attendance/notice").json().get("acknowledged").asBoolean()).isFalse();
        var stale = person.api().post("/api/v1/attendance/notice/acknowledgements", json("version", 7));
        assertThat(stale.code()).isEqualTo("attendance.notice_version_stale");
        assertThat(records(org, person.userId())).isZero();

        acknowledge(person);
        assertThat(punch(person, LAT, LON, 10.0, null).status()).isEqualTo(201);
        assertThat(auditCount(org, "attendance.notice.acknowledged")).isEqualTo(1);

        org.admin().put("/api/v1/attendance/settings", json("noticeText", "A changed notice."));
        clock.advance(Duration.ofMinutes(5));
        assertThat(punch(person, LAT, LON, 10.0, null).code()).as("a new version is acknowledged again")
                .isEqualTo("attendance.notice_unacknowledged");
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() {
        newWorkDate();
        Org org = newOrganisation();
        List<Person> people = staff(org, "REFUSE", 2);
        long places = count("select count(*) from att_location where tenant_id = ?", tenantId(org));
        long shifts = count("select count(*) from att_shift where tenant_id = ?", tenantId(org));

        var radius = org.admin().post("/api/v1/attendance/places", json("name", "Too big", "latitude", LAT,
                "longitude", LON, "radiusMeters", 501));
        assertThat(radius.status()).isEqualTo(400);
        assertThat(radius.json().get("errors").get(0).get("code").asText()).isEqualTo("attendance.radius_invalid");
        var coordinates = org.admin().post("/api/v1/attendance/places", json("name", "Nowhere", "latitude", 91,
                "longitude", -181, "radiusMeters", 100));
        assertThat(coordinates.status()).isEqualTo(400);
        assertThat(coordinates.body()).contains("attendance.latitude_invalid", "attendance.longitude_invalid");

        var same = org.admin().post("/api/v1/attendance/shifts", json("name", "Impossible", "onTime", "09:00",
                "offTime", "09:00", "seriousLateMinutes", 30, "workingDays", List.of("MONDAY")));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("attendance.shift_times_impossible");
        var hour = org.admin().post("/api/v1/attendance/shifts", json("name", "Impossible", "onTime", "25:00",
                "offTime", "18:00", "seriousLateMinutes", 30, "workingDays", List.of("MONDAY")));
        assertThat(hour.body()).contains("attendance.shift_time_invalid");
        var thresholds = org.admin().post("/api/v1/attendance/shifts", json("name", "Impossible", "onTime", "09:00",
                "offTime", "10:00", "flexibleMinutes", 10, "seriousLateMinutes", 90, "workingDays", List.of("MONDAY")));
        assertThat(thresholds.body()).contains("attendance.threshold_invalid");
        assertThat(count("select count(*) from att_location where tenant_id = ?", tenantId(org))).isEqualTo(places);
        assertThat(count("select count(*) from att_shift where tenant_id = ?", tenantId(org))).isEqualTo(shifts);

        var overnight = org.admin().post("/api/v1/attendance/shifts", json("name", "Night", "onTime", "22:00",
                "offTime", "06:00", "seriousLateMinutes", 30, "workingDays", List.of("MONDAY")));
        assertThat(overnight.status()).isEqualTo(201);
        assertThat(overnight.json().get("overnight").asBoolean()).isTrue();

        var range = punch(people.get(0), 200, LON, 10.0, null);
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.code()).isEqualTo("attendance.latitude_invalid");
        var forOther = people.get(0).api().post("/api/v1/attendance/punches", json("userId", people.get(1).userId(),
                "latitude", LAT, "longitude", LON, "accuracy", 10));
        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.code()).isEqualTo("attendance.other_person");
        assertThat(records(org, people.get(0).userId()) + records(org, people.get(1).userId())).isZero();

        var secondGroup = org.admin().post("/api/v1/attendance/groups", json("name", "Again", "shiftId",
                overnight.json().get("id").asLong(), "placeIds", List.of(place(org.admin())),
                "userIds", List.of(people.get(0).userId())));
        assertThat(secondGroup.status()).isEqualTo(409);
        assertThat(secondGroup.code()).isEqualTo("attendance.member_in_other_group");

        var staffReads = people.get(0).api().get("/api/v1/attendance/records?from=2026-01-01&to=2026-01-02");
        assertThat(staffReads.status()).isEqualTo(403);
    }

    @Test
    void anotherOrganisationsObjectsAreNotFound() {
        newWorkDate();
        Org mine = newOrganisation();
        Person person = staff(mine, "REFUSE", 1).get(0);
        long group = mine.admin().get("/api/v1/attendance/groups").json().get(0).get("id").asLong();
        long shift = mine.admin().get("/api/v1/attendance/shifts").json().get(0).get("id").asLong();
        long place = mine.admin().get("/api/v1/attendance/places").json().get(0).get("id").asLong();
        long holiday = mine.admin().post("/api/v1/attendance/holidays", json("date", "2030-01-01", "name", "New Year"))
                .json().get("id").asLong();
        long signal = mine.admin().post("/api/v1/attendance/weather-signals", json("type", "BLACK_RAINSTORM",
                "startsAt", clock.instant().toString())).json().get("id").asLong();

        Org other = newOrganisation();
        var api = other.admin();
        for (String path : List.of("/api/v1/attendance/groups/" + group, "/api/v1/attendance/shifts/" + shift,
                "/api/v1/attendance/places/" + place)) {
            assertThat(api.get(path).status()).as(path).isEqualTo(404);
            assertThat(api.delete(path).status()).as(path).isEqualTo(404);
        }
        assertThat(api.put("/api/v1/attendance/places/" + place, json("name", "Mine now", "latitude", LAT,
                "longitude", LON, "radiusMeters", 50)).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/attendance/shifts/" + shift, json("name", "Mine", "onTime", "08:00",
                "offTime", "17:00", "seriousLateMinutes", 30, "workingDays", List.of("MONDAY"))).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/attendance/groups/" + group, json("name", "Mine", "shiftId", shift,
                "placeIds", List.of(place))).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/attendance/holidays/" + holiday).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/attendance/weather-signals/" + signal + "/end",
                json("endsAt", clock.instant().plusSeconds(3600).toString())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attendance/records?userId=" + person.userId() + "&from=2030-01-01&to=2030-01-02")
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attendance/holidays?from=2030-01-01&to=2030-12-31").json()).isEmpty();
        assertThat(api.get("/api/v1/attendance/places").json()).isEmpty();
        var usingTheirs = api.post("/api/v1/attendance/groups", json("name", "Theirs", "shiftId", shift,
                "placeIds", List.of(place), "userIds", List.of(person.userId())));
        assertThat(usingTheirs.status()).isEqualTo(400);
        assertThat(usingTheirs.body()).contains("attendance.shift_unknown", "attendance.place_unknown",
                "attendance.user_unknown");
        assertThat(mine.admin().get("/api/v1/attendance/places/" + place).status()).isEqualTo(200);
    }

    @Test
    void theDailyCloseMarksMissingPunchesOnceAndSkipsHolidays() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = staff(org, "REFUSE", 2);
        var holiday = org.admin().post("/api/v1/attendance/holidays", json("date", day.plusDays(1).toString(),
                "name", "Test holiday"));
        assertThat(holiday.status()).isEqualTo(201);
        at(day, LocalTime.of(9, 0));
        punchInside(p.get(0));

        at(day, LocalTime.of(23, 0));
        dailyClose.run();
        assertThat(count("select count(*) from att_close where tenant_id = ? and work_date = ?", tenantId(org),
                java.sql.Date.valueOf(day))).as("the punch window is still open").isZero();

        at(day.plusDays(1), LocalTime.of(2, 0));
        dailyClose.run();
        dailyClose.run();
        assertThat(results(org, p.get(0).userId(), day)).containsExactly("OffDuty:NotSigned", "OnDuty:Normal");
        assertThat(results(org, p.get(1).userId(), day)).containsExactly("OffDuty:Absenteeism", "OnDuty:Absenteeism");
        assertThat(count("select count(*) from att_close where tenant_id = ? and work_date = ?", tenantId(org),
                java.sql.Date.valueOf(day))).isEqualTo(1);

        at(day.plusDays(2), LocalTime.of(2, 0));
        dailyClose.run();
        assertThat(results(org, p.get(1).userId(), day.plusDays(1))).as("a holiday").isEmpty();
        assertThat(count("select count(*) from att_close where tenant_id = ? and work_date = ?", tenantId(org),
                java.sql.Date.valueOf(day.plusDays(1)))).isEqualTo(1);
    }

    @Test
    void weatherSignalsExemptTheShiftsTheyCoverAndTellTheStaff() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = staff(org, "REFUSE", 2);
        at(day, LocalTime.of(10, 0));
        assertThat(punchInside(p.get(0)).get("exemption")).isNull();

        at(day, LocalTime.of(12, 0));
        var signal = org.admin().post("/api/v1/attendance/weather-signals", json("type", "T8_OR_ABOVE",
                "startsAt", day.atTime(6, 0).atZone(HK).toInstant().toString(), "note", "Signal No. 8"));
        assertThat(signal.status()).as(signal.body()).isEqualTo(201);
        assertThat(signal.json().has("endsAt")).isFalse();
        var ended = org.admin().put("/api/v1/attendance/weather-signals/" + signal.json().get("id").asLong() + "/end",
                json("endsAt", day.atTime(7, 30).atZone(HK).toInstant().toString()));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        var record = p.get(0).api().get("/api/v1/attendance/me?from=" + day + "&to=" + day).json().get(0);
        assertThat(record.get("timeResult").asText()).isEqualTo("SeriousLate");
        assertThat(record.get("exemption").asText()).as("cancelled 07:30, report within 2 hours: 09:30 > 09:00")
                .isEqualTo("WEATHER_EXEMPT");
        assertThat(streamed(org, p.get(1), "notification.created")).hasSize(1);
        assertThat(auditCount(org, "attendance.weather.recorded")).isEqualTo(1);

        org.admin().put("/api/v1/attendance/settings", json("weatherReportHours", 1));
        org.admin().put("/api/v1/attendance/weather-signals/" + signal.json().get("id").asLong() + "/end",
                json("endsAt", day.atTime(7, 0).atZone(HK).toInstant().toString()));
        assertThat(p.get(0).api().get("/api/v1/attendance/me?from=" + day + "&to=" + day).json().get(0)
                .has("exemption")).as("07:00 + 1 hour is before the shift").isFalse();

        org.admin().put("/api/v1/attendance/settings", json("weatherReportHours", 3));
        org.admin().put("/api/v1/attendance/weather-signals/" + signal.json().get("id").asLong() + "/end",
                json("endsAt", day.atTime(7, 0).atZone(HK).toInstant().toString()));
        at(day.plusDays(1), LocalTime.of(2, 0));
        dailyClose.run();
        assertThat(jdbc.sql("select exemption from att_record where tenant_id = :t and userid = :u and work_date = :d")
                .param("t", tenantId(org)).param("u", p.get(1).userId()).param("d", java.sql.Date.valueOf(day))
                .query(String.class).list()).containsExactly("WEATHER_EXEMPT", "WEATHER_EXEMPT");
    }

    @Test
    void preciseLocationsAreDroppedAfterTheRetentionPeriod() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        Person person = staff(org, "REFUSE", 1).get(0);
        at(day, LocalTime.of(9, 0));
        JsonNode record = punchInside(person);
        assertThat(record.get("latitude").asDouble()).isEqualTo(LAT);

        clock.advance(Duration.ofDays(89));
        retention.run();
        assertThat(count("select count(*) from att_record where tenant_id = ? and latitude is not null",
                tenantId(org))).isEqualTo(1);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        retention.run();
        Map<String, Object> row = jdbc.sql("select latitude, longitude, accuracy_m, bssid, time_result, location_result, "
                        + "location_dropped from att_record where tenant_id = :t and id = :id")
                .param("t", tenantId(org)).param("id", record.get("id").asLong()).query().singleRow();
        assertThat(row.get("latitude")).isNull();
        assertThat(row.get("longitude")).isNull();
        assertThat(row.get("accuracy_m")).isNull();
        assertThat(row.get("time_result")).isEqualTo("Normal");
        assertThat(row.get("location_result")).isEqualTo("Normal");
        assertThat(row.get("location_dropped")).isEqualTo(true);
    }

    @Test
    void holidaysImportFromAnICalendarFile() {
        newWorkDate();
        Org org = newOrganisation();
        String ics = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Test//Holidays//EN\r
                BEGIN:VEVENT\r
                UID:1@example.hk\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;VALUE=DATE:20310101\r
                DTEND;VALUE=DATE:20310102\r
                SUMMARY:The first day of January\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:2@example.hk\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;VALUE=DATE:20310123\r
                DTEND;VALUE=DATE:20310125\r
                SUMMARY:Lunar New Year\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        var imported = org.admin().sendRaw("POST", "/api/v1/attendance/holidays/import", ics, "text/calendar");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("added")).hasSize(3);
        var again = org.admin().sendRaw("POST", "/api/v1/attendance/holidays/import", ics, "text/calendar");
        assertThat(again.json().get("added")).isEmpty();
        assertThat(again.json().get("alreadyPresent")).hasSize(3);
        var broken = org.admin().sendRaw("POST", "/api/v1/attendance/holidays/import", "BEGIN:VCALENDAR\r\nnonsense",
                "text/calendar");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("attendance.calendar_invalid");
        var list = org.admin().get("/api/v1/attendance/holidays?from=2031-01-01&to=2031-12-31").json();
        assertThat(list).hasSize(3);
        assertThat(list.get(1).get("name").asText()).isEqualTo("Lunar New Year");
    }

    private List<String> results(Org org, String userId, LocalDate day) {
        return jdbc.sql("select check_type, time_result from att_record where tenant_id = :t and userid = :u "
                        + "and work_date = :d order by check_type")
                .param("t", tenantId(org)).param("u", userId).param("d", java.sql.Date.valueOf(day))
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list();
    }
}
