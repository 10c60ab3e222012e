package hk.lantau.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.messaging.MessagingApiTestSupport;
import hk.lantau.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Helpers of the attendance API tests: a work date ahead of the shared clock, a place in Central
 * with a 100 m fence, a 09:00 to 18:00 shift worked every day, a group and people who acknowledged
 * the monitoring notice, all made through the API.
 */
public abstract class AttendanceApiTestSupport extends MessagingApiTestSupport {

    protected static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    protected static final double LAT = 22.2800;
    protected static final double LON = 114.1588;
    /** About 2.2 km north of the place: outside its fence. */
    protected static final double OUTSIDE_LAT = 22.3000;

    /** Moves the shared clock to 07:00 Hong Kong time of a day ahead and returns that date. */
    protected LocalDate newWorkDate() {
        LocalDate day = clock.instant().atZone(HK).toLocalDate().plusDays(2);
        clock.set(day.atTime(7, 0).atZone(HK).toInstant());
        return day;
    }

    /** Moves the clock forward to a time of a day in Hong Kong. */
    protected void at(LocalDate day, LocalTime time) {
        Instant target = day.atTime(time).atZone(HK).toInstant();
        assertThat(target).as("the shared clock only moves forward").isAfterOrEqualTo(clock.instant());
        clock.set(target);
    }

    protected long place(Api admin) {
        var created = admin.post("/api/v1/attendance/places", json("name", "Central office", "latitude", LAT,
                "longitude", LON, "radiusMeters", 100, "wifi", List.of(json("ssid", "Lantau-Office",
                        "bssid", "0A:1B:2C:3D:4E:5F"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    protected long shift(Api admin) {
        var created = admin.post("/api/v1/attendance/shifts", json("name", "Office hours", "onTime", "09:00",
                "offTime", "18:00", "flexibleMinutes", 5, "seriousLateMinutes", 30, "absentLateMinutes", 120,
                "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    protected long group(Api admin, String policy, List<Person> people) {
        var created = admin.post("/api/v1/attendance/groups", json("name", "Central staff", "shiftId", shift(admin),
                "placeIds", List.of(place(admin)), "outsidePolicy", policy,
                "userIds", people.stream().map(Person::userId).toList()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    protected void publishNotice(Api admin) {
        var changed = admin.put("/api/v1/attendance/settings", json("noticeText",
                "We record one location point when you clock in, to confirm attendance at our offices."));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    protected void acknowledge(Person person) {
        int version = person.api().get("/api/v1/attendance/notice").json().get("version").asInt();
        var ack = person.api().post("/api/v1/attendance/notice/acknowledgements", json("version", version));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
    }

    /** An organisation with a published notice, a group of the given policy and people who acknowledged it. */
    protected List<Person> staff(Org org, String policy, int count) {
        publishNotice(org.admin());
        List<Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person p = person(org, "Staff " + i);
            acknowledge(p);
            people.add(p);
        }
        group(org.admin(), policy, people);
        return people;
    }

    protected static Api.Response punch(Person person, double lat, double lon, Double accuracy, String reason) {
        Map<String, Object> body = json("latitude", lat, "longitude", lon, "accuracy", accuracy);
        if (reason != null) {
            body.put("outsideReason", reason);
        }
        return person.api().post("/api/v1/attendance/punches", body);
    }

    protected static JsonNode punchInside(Person person) {
        var response = punch(person, LAT, LON, 15.0, null);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** An app of the organisation with these scopes: its id and an API signed in with its own token. */
    protected record App(long id, Api api) {
    }

    protected App app(Org org, String... scopes) {
        var registered = org.admin().post("/api/v1/apps", json("name", "Clock " + System.nanoTime(),
                "purpose", "Clocks people in at the door", "scopes", List.of(scopes), "ipAllowList", List.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode body = registered.json();
        String form = "grant_type=client_credentials&client_id=" + body.get("appKey").asText()
                + "&client_secret=" + URLEncoder.encode(body.get("secret").get("value").asText(), StandardCharsets.UTF_8);
        var granted = anonymous().sendRaw("POST", "/api/v1/oauth/token", form, "application/x-www-form-urlencoded");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return new App(body.get("id").asLong(), new Api(baseUrl(), granted.json().get("access_token").asText()));
    }

    protected long records(Org org, String userId) {
        return count("select count(*) from att_record where tenant_id = ? and userid = ?", tenantId(org), userId);
    }
}
