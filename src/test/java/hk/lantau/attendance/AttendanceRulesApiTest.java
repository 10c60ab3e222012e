package hk.lantau.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.attendance.internal.DailyClose;
import hk.lantau.support.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The judging rules: flexible minutes that move the off time, shift changes that judge open days
 * again, weather notices only for the shifts a signal covers, and apps clocking people in.
 */
class AttendanceRulesApiTest extends AttendanceApiTestSupport {

    private static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    @Autowired
    DailyClose dailyClose;

    @Test
    void lateArrivalWithinTheFlexibleMinutesMovesTheOffTimeBySoMuch() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = new ArrayList<>(staff(org, "REFUSE", 6));

        at(day, LocalTime.of(8, 50));
        assertThat(punchInside(p.get(3)).get("timeResult").asText()).isEqualTo("Normal");
        at(day, LocalTime.of(9, 3));
        assertThat(punchInside(p.get(2)).get("timeResult").asText()).isEqualTo("Normal");
        at(day, LocalTime.of(9, 5));
        assertThat(punchInside(p.get(1)).get("timeResult").asText()).isEqualTo("Normal");
        at(day, LocalTime.of(9, 5, 30));
        assertThat(punchInside(p.get(0)).get("timeResult").asText()).as("5 flexible minutes").isEqualTo("Normal");
        at(day, LocalTime.of(9, 20));
        assertThat(punchInside(p.get(4)).get("timeResult").asText()).isEqualTo("Late");
        assertThat(punchInside(p.get(5)).get("timeResult").asText()).isEqualTo("Late");

        at(day, LocalTime.of(17, 0));
        p.replaceAll(this::again);
        at(day, LocalTime.of(18, 0));
        JsonNode early = punchInside(p.get(3));
        assertThat(early.get("timeResult").asText()).as("arriving early moves nothing").isEqualTo("Normal");
        assertThat(Instant.parse(early.get("planTime").asText())).isEqualTo(hk(day, 18, 0));
        at(day, LocalTime.of(18, 2, 59));
        JsonNode threeLate = punchInside(p.get(2));
        assertThat(threeLate.get("timeResult").asText()).as("3 minutes late leaves at 18:03").isEqualTo("Early");
        assertThat(Instant.parse(threeLate.get("planTime").asText())).isEqualTo(hk(day, 18, 3));
        at(day, LocalTime.of(18, 4, 30));
        JsonNode fiveLate = punchInside(p.get(0));
        assertThat(fiveLate.get("timeResult").asText()).as("09:05:30 is 5 minutes late").isEqualTo("Early");
        assertThat(Instant.parse(fiveLate.get("planTime").asText())).isEqualTo(hk(day, 18, 5));
        at(day, LocalTime.of(18, 4, 59));
        JsonNode late = punchInside(p.get(4));
        assertThat(late.get("timeResult").asText()).as("lateness beyond them is counted, not made up")
                .isEqualTo("Normal");
        assertThat(Instant.parse(late.get("planTime").asText())).isEqualTo(hk(day, 18, 0));
        at(day, LocalTime.of(18, 5));
        assertThat(punchInside(p.get(1)).get("timeResult").asText()).isEqualTo("Normal");
        assertThat(punchInside(p.get(5)).get("timeResult").asText()).isEqualTo("Normal");
    }

    @Test
    void changingAShiftJudgesOpenDaysAgainAndLeavesClosedDaysAlone() {
        LocalDate first = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = new ArrayList<>(staff(org, "REFUSE", 2));
        JsonNode group = org.admin().get("/api/v1/attendance/groups").json().get(0);
        long shift = group.get("shiftId").asLong();
        at(first, LocalTime.of(9, 20));
        punchInside(p.get(0));
        LocalDate second = first.plusDays(1);
        at(second, LocalTime.of(2, 0));
        dailyClose.run();
        assertThat(result(org, p.get(0), first, "OnDuty")).isEqualTo("Late");

        at(second, LocalTime.of(9, 20));
        p.replaceAll(this::again);
        assertThat(punchInside(p.get(0)).get("timeResult").asText()).isEqualTo("Late");
        at(second, LocalTime.of(9, 40));
        assertThat(punchInside(p.get(1)).get("timeResult").asText()).isEqualTo("SeriousLate");

        at(second, LocalTime.of(10, 0));
        Api admin = as(org.adminEmail(), PASSWORD);
        var moved = admin.put("/api/v1/attendance/shifts/" + shift, shift("Office hours", "09:30", "18:00", 5));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(result(org, p.get(0), second, "OnDuty")).as("09:20 is early for 09:30").isEqualTo("Normal");
        assertThat(result(org, p.get(1), second, "OnDuty")).as("10 minutes late").isEqualTo("Late");
        assertThat(planTime(org, p.get(1), second, "OnDuty")).isEqualTo(hk(second, 9, 30));
        assertThat(result(org, p.get(0), first, "OnDuty")).as("a closed day stays as closed").isEqualTo("Late");
        assertThat(result(org, p.get(1), first, "OnDuty")).isEqualTo("Absenteeism");
        assertThat(auditCount(org, "attendance.shift.updated")).isEqualTo(1);

        var impossible = admin.put("/api/v1/attendance/shifts/" + shift, shift("Office hours", "07:00", "07:00", 5));
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.body()).contains("attendance.shift_times_impossible");
        assertThat(admin.get("/api/v1/attendance/shifts/" + shift).json().get("onTime").asText()).startsWith("09:30");
        assertThat(result(org, p.get(1), second, "OnDuty")).isEqualTo("Late");
        assertThat(auditCount(org, "attendance.shift.updated")).isEqualTo(1);

        long later = admin.post("/api/v1/attendance/shifts", shift("Late hours", "10:00", "19:00", 0)).json()
                .get("id").asLong();
        var regrouped = admin.put("/api/v1/attendance/groups/" + group.get("id").asLong(), json("name", "Central staff",
                "shiftId", later, "placeIds", List.of(group.get("placeIds").get(0).asLong()), "outsidePolicy", "REFUSE",
                "userIds", List.of(p.get(0).userId(), p.get(1).userId())));
        assertThat(regrouped.status()).as(regrouped.body()).isEqualTo(200);
        assertThat(result(org, p.get(1), second, "OnDuty")).as("09:40 is early for 10:00").isEqualTo("Normal");
        assertThat(planTime(org, p.get(1), second, "OnDuty")).isEqualTo(hk(second, 10, 0));

        at(second, LocalTime.of(18, 30));
        p.replaceAll(this::again);
        JsonNode off = punchInside(p.get(1));
        assertThat(off.get("timeResult").asText()).as("the new shift ends at 19:00").isEqualTo("Early");
        assertThat(off.get("shiftId").asLong()).isEqualTo(later);
    }

    @Test
    void weatherNoticesReachOnlyTheShiftsASignalCoversInEachPersonsLanguage() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        publishNotice(org.admin());
        Person chinese = person(org, "Chan Siu Ming");
        Person english = person(org, "Emily Lam");
        Person unknown = person(org, "Kit Ho");
        Person evening = person(org, "Eve Ng");
        acknowledgeIn(chinese, "zh-HK");
        acknowledgeIn(english, "zh-HK");
        acknowledgeIn(english, "en-GB");
        acknowledgeIn(evening, "en");
        group(org.admin(), "REFUSE", List.of(chinese, english, unknown));
        long eveningShift = org.admin().post("/api/v1/attendance/shifts", shift("Evening", "20:00", "23:00", 0))
                .json().get("id").asLong();
        var eveningGroup = org.admin().post("/api/v1/attendance/groups", json("name", "Evening staff",
                "shiftId", eveningShift, "placeIds", List.of(place(org.admin())), "outsidePolicy", "REFUSE", "userIds", List.of(evening.userId())));
        assertThat(eveningGroup.status()).as(eveningGroup.body()).isEqualTo(201);

        at(day, LocalTime.of(12, 0));
        var signal = as(org.adminEmail(), PASSWORD).post("/api/v1/attendance/weather-signals", json("type",
                "T8_OR_ABOVE", "startsAt", hk(day, 6, 0).toString(), "endsAt", hk(day, 7, 30).toString()));
        assertThat(signal.status()).as(signal.body()).isEqualTo(201);

        String zh = notice(chinese).get("title").asText();
        assertThat(zh).contains("考勤安排").doesNotContain("attendance");
        assertThat(notice(chinese).get("text").asText()).contains("八號").doesNotContain("Shifts");
        String en = notice(english).get("title").asText();
        assertThat(en).as("the latest acknowledgement was in English").contains("attendance arrangements")
                .doesNotContain("考勤");
        assertThat(notice(unknown).get("title").asText()).contains("attendance arrangements").contains("考勤安排");
        assertThat(again(evening).api().get("/api/v1/me/notifications").json().get("items"))
                .as("an evening shift starts after cancellation plus 2 hours").isEmpty();
        assertThat(streamed(org, evening, "notification.created")).isEmpty();
    }

    @Test
    void anAppWithAttendanceWriteClocksInItsOwnOrganisationsPeopleOnly() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = staff(org, "REFUSE", 2);
        Org other = newOrganisation();
        Person stranger = staff(other, "REFUSE", 1).get(0);
        App reader = app(org, "attendance.read");
        App door = app(org, "attendance.write");

        at(day, LocalTime.of(8, 55));
        var clocked = door.api().post("/api/v1/attendance/punches", json("userId", p.get(0).userId(),
                "bssid", "0A:1B:2C:3D:4E:5F"));
        assertThat(clocked.status()).as(clocked.body()).isEqualTo(201);
        assertThat(clocked.json().get("userId").asText()).isEqualTo(p.get(0).userId());
        assertThat(clocked.json().get("sourceType").asText()).isEqualTo("ATM");
        assertThat(clocked.json().get("timeResult").asText()).isEqualTo("Normal");
        assertThat(auditCount(org, "attendance.punch.recorded_for_person")).isEqualTo(1);

        var theirs = door.api().post("/api/v1/attendance/punches", json("userId", stranger.userId(),
                "latitude", LAT, "longitude", LON, "accuracy", 10));
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.code()).isEqualTo("attendance.user_not_found");
        var unscoped = reader.api().post("/api/v1/attendance/punches", json("userId", p.get(1).userId(),
                "latitude", LAT, "longitude", LON, "accuracy", 10));
        assertThat(unscoped.status()).isEqualTo(403);
        var nobody = door.api().post("/api/v1/attendance/punches", json("latitude", LAT, "longitude", LON));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.code()).isEqualTo("attendance.user_required");
        assertThat(records(other, stranger.userId()) + records(org, stranger.userId())).isZero();
        assertThat(records(org, p.get(1).userId())).isZero();
        assertThat(records(org, p.get(0).userId())).isEqualTo(1);
        assertThat(auditCount(org, "attendance.punch.recorded_for_person")).isEqualTo(1);
    }

    private static Map<String, Object> shift(String name, String on, String off, int flexible) {
        return json("name", name, "onTime", on, "offTime", off, "flexibleMinutes", flexible, "seriousLateMinutes", 30,
                "absentLateMinutes", 120, "workingDays", EVERY_DAY);
    }

    private static Instant hk(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(HK).toInstant();
    }

    private static void acknowledgeIn(Person person, String language) {
        Api api = person.api().withHeader("Accept-Language", language);
        int version = api.get("/api/v1/attendance/notice").json().get("version").asInt();
        var ack = api.post("/api/v1/attendance/notice/acknowledgements", json("version", version));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
    }

    /** The person's one notice's content. */
    private JsonNode notice(Person person) {
        JsonNode items = again(person).api().get("/api/v1/me/notifications").json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0).get("content");
    }

    private String result(Org org, Person person, LocalDate day, String check) {
        return jdbc.sql("select time_result from att_record where tenant_id = :t and userid = :u and work_date = :d "
                        + "and check_type = :c")
                .param("t", tenantId(org)).param("u", person.userId()).param("d", java.sql.Date.valueOf(day))
                .param("c", check).query(String.class).single();
    }

    private Instant planTime(Org org, Person person, LocalDate day, String check) {
        return jdbc.sql("select plan_time from att_record where tenant_id = :t and userid = :u and work_date = :d "
                        + "and check_type = :c")
                .param("t", tenantId(org)).param("u", person.userId()).param("d", java.sql.Date.valueOf(day))
                .param("c", check).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }
}
