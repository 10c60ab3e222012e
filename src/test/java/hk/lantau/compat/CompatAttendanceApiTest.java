package hk.lantau.compat;

import static hk.lantau.compat.CompatFixtures.fixture;
import static hk.lantau.compat.CompatFixtures.names;
import static hk.lantau.compat.CompatFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.api.request.OapiAttendanceListRecordRequest;
import com.dingtalk.api.request.OapiAttendanceListRequest;
import com.dingtalk.api.response.OapiAttendanceListRecordResponse;
import com.dingtalk.api.response.OapiAttendanceListResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.lantau.support.Api;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** DingTalk's attendance results and punch details, through the old SDK's request classes. */
class CompatAttendanceApiTest extends CompatApiTestSupport {

    private static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");

    @Test
    void resultsAndPunchDetailsAnswerInDingTalksShape() throws IOException {
        LocalDate day = clock.instant().atZone(HK).toLocalDate().plusDays(2);
        clock.set(day.atTime(7, 0).atZone(HK).toInstant());
        Org org = newOrganisation();
        String userId = clockedIn(org, day);
        String token = token(register(org, "attendance.read"));

        OapiAttendanceListRequest list = new OapiAttendanceListRequest();
        list.setWorkDateFrom(day + " 00:00:00");
        list.setWorkDateTo(day + " 00:00:00");
        list.setUserIdList(List.of(userId));
        list.setOffset(0L);
        list.setLimit(50L);
        OapiAttendanceListResponse results = call("/attendance/list", list, token);
        assertThat(results.isSuccess()).as(results.getBody()).isTrue();
        assertThat(results.getHasMore()).isFalse();
        assertThat(results.getRecordresult()).hasSize(1);
        var record = results.getRecordresult().get(0);
        assertThat(record.getCheckType()).isEqualTo("OnDuty");
        assertThat(record.getTimeResult()).isEqualTo("Normal");
        assertThat(record.getSourceType()).isEqualTo("USER");
        assertThat(record.getWorkDate().toInstant()).isEqualTo(day.atStartOfDay(HK).toInstant());
        assertThat(record.getBaseCheckTime().toInstant()).isEqualTo(day.atTime(9, 0).atZone(HK).toInstant());
        JsonNode wire = parse(results.getBody()).get("recordresult").get(0);
        Set<String> documented = names(fixture("attendance-list.response.json").get("recordresult").get(0));
        // Lantau has no scheduling plans; procInstId and approveId appear on leave only.
        documented.remove("planId");
        assertThat(names(wire)).isEqualTo(documented);
        assertThat(names(parse(results.getBody())))
                .containsAll(without(names(fixture("attendance-list.response.json")), "source"));
        assertThat(wire.get("userCheckTime").isNumber()).as("epoch milliseconds").isTrue();

        OapiAttendanceListRecordRequest details = new OapiAttendanceListRecordRequest();
        details.setUserIds(List.of(userId));
        details.setCheckDateFrom(day + " 00:00:00");
        details.setCheckDateTo(day + " 23:59:59");
        OapiAttendanceListRecordResponse punches = call("/attendance/listRecord", details, token);
        assertThat(punches.isSuccess()).as(punches.getBody()).isTrue();
        assertThat(punches.getRecordresult()).hasSize(1);
        assertThat(punches.getRecordresult().get(0).getUserSsid()).isEqualTo("Lantau-Office");
        JsonNode detail = parse(punches.getBody()).get("recordresult").get(0);
        Set<String> detailFields = new HashSet<>();
        fixture("attendance-listrecord.response.json").get("recordresult").forEach(r -> detailFields.addAll(names(r)));
        // The examples' punches had no Wi-Fi; the documented table of fields has these too.
        detailFields.addAll(Set.of("recordId", "userSsid", "userMacAddr"));
        assertThat(detailFields).containsAll(names(detail));
        assertThat(detail.get("isLegal").asText()).isEqualTo("Y");
        assertThat(detail.get("locationMethod").asText()).isEqualTo("MAP");

        assertThat(documented("attendance-list.request.json", token, day, userId, "userIdList", "workDateFrom",
                "workDateTo").get("recordresult")).hasSize(1);
        assertThat(documented("attendance-listrecord.request.json", token, day, userId, "userIds", "checkDateFrom",
                "checkDateTo").get("recordresult")).hasSize(1);
        var raw = postJson("/attendance/list", token, ("{\"workDateFrom\":\"%s 00:00:00\",\"workDateTo\":\"%s "
                + "00:00:00\",\"userIdList\":\"%s\",\"offset\":\"0\",\"limit\":\"1\"}").formatted(day, day, userId));
        assertThat(raw.json().get("errcode").asInt()).as(raw.body()).isZero();
        assertThat(raw.json().get("recordresult")).hasSize(1);
    }

    @Test
    void badInputAnswersDingTalksCodes() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        String mine = createUser(org.admin(), "Mei Lam");
        String theirs = createUser(other.admin(), "Kit Wong");
        String token = token(register(org, "attendance.read"));

        assertThat(list(token, "2026-01-01 00:00:00", "2026-01-09 00:00:00", List.of(mine), 50L).getErrcode())
                .as("more than 7 days").isEqualTo(41041L);
        List<String> many = IntStream.range(0, 51).mapToObj(i -> "person" + i).toList();
        assertThat(list(token, "2026-01-01 00:00:00", "2026-01-02 00:00:00", many, 50L).getErrcode())
                .isEqualTo(40035L);
        assertThat(list(token, "2026-01-01 00:00:00", "2026-01-02 00:00:00", List.of(mine), 51L).getErrcode())
                .isEqualTo(40035L);
        assertThat(list(token, "2026-01-01", "2026-01-02 00:00:00", List.of(mine), 50L).getErrcode())
                .as("a date without the time").isEqualTo(40035L);
        assertThat(list(token, "2026-01-01 00:00:00", "2026-01-02 00:00:00", List.of(theirs), 50L).getErrcode())
                .as("another organisation's person").isEqualTo(60121L);

        OapiAttendanceListRecordRequest details = new OapiAttendanceListRecordRequest();
        details.setUserIds(List.of(theirs));
        details.setCheckDateFrom("2026-01-01 00:00:00");
        details.setCheckDateTo("2026-01-02 00:00:00");
        assertThat(call("/attendance/listRecord", details, token).getErrcode()).isEqualTo(60121L);
        details.setUserIds(List.of(mine));
        details.setCheckDateTo("2026-02-02 00:00:00");
        assertThat(call("/attendance/listRecord", details, token).getErrcode()).isEqualTo(41041L);

        String noScope = token(register(org, "user.read"));
        assertThat(list(noScope, "2026-01-01 00:00:00", "2026-01-02 00:00:00", List.of(mine), 50L).getErrcode())
                .isEqualTo(60011L);
    }

    private OapiAttendanceListResponse list(String token, String from, String to, List<String> users, Long limit) {
        OapiAttendanceListRequest request = new OapiAttendanceListRequest();
        request.setWorkDateFrom(from);
        request.setWorkDateTo(to);
        request.setUserIdList(users);
        request.setOffset(0L);
        request.setLimit(limit);
        return call("/attendance/list", request, token);
    }

    /** A person in a 09:00 to 18:00 group who clocks in at 09:00 on Wi-Fi and a point inside the fence. */
    private String clockedIn(Org org, LocalDate day) {
        Api admin = org.admin();
        assertThat(admin.put("/api/v1/attendance/settings", json("noticeText", "One point per clock-in."))
                .status()).isEqualTo(200);
        String userId = createUser(admin, "Ada Chan");
        Api person = signInAs(org, userId);
        int version = person.get("/api/v1/attendance/notice").json().get("version").asInt();
        assertThat(person.post("/api/v1/attendance/notice/acknowledgements", json("version", version)).status())
                .isEqualTo(200);
        long place = admin.post("/api/v1/attendance/places", json("name", "Central", "latitude", 22.28,
                "longitude", 114.1588, "radiusMeters", 100)).json().get("id").asLong();
        long shift = admin.post("/api/v1/attendance/shifts", json("name", "Office", "onTime", "09:00",
                "offTime", "18:00", "flexibleMinutes", 5, "seriousLateMinutes", 30, "workingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")))
                .json().get("id").asLong();
        var group = admin.post("/api/v1/attendance/groups", json("name", "Staff", "shiftId", shift,
                "placeIds", List.of(place), "outsidePolicy", "REFUSE", "userIds", List.of(userId)));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        clock.set(day.atTime(9, 0).atZone(HK).toInstant());
        var punch = person.post("/api/v1/attendance/punches", json("latitude", 22.28, "longitude", 114.1588,
                "accuracy", 10.0, "ssid", "Lantau-Office"));
        assertThat(punch.status()).as(punch.body()).isEqualTo(201);
        return userId;
    }

    /** DingTalk's documented request, sent as documented with this organisation's person and day. */
    private JsonNode documented(String name, String token, LocalDate day, String userId, String users, String from,
                                String to) {
        JsonNode request = fixture(name);
        ObjectNode json = request.get("json").deepCopy();
        json.putArray(users).add(userId);
        json.put(from, day + " 00:00:00");
        json.put(to, day + " 23:59:59");
        var answer = postJson(request.get("path").asText(), token, json.toString());
        assertThat(answer.json().get("errcode").asInt()).as(answer.body()).isZero();
        return answer.json();
    }

    private static Set<String> without(Set<String> names, String name) {
        Set<String> rest = new HashSet<>(names);
        rest.remove(name);
        return rest;
    }
}
