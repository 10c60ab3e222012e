package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.attendance.AttendanceApiTestSupport;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The staff attendance pages over HTTP without a browser: the notice before the first clock-in,
 * results and refusals of the clock-in form, the outside reason, the month's calendar and figures
 * against the reports API, and what a person may not see.
 */
class AttendancePagesTest extends AttendanceApiTestSupport {

    private PageClient pages(Person person) {
        PageClient page = new PageClient(baseUrl());
        page.signIn(person.email(), PASSWORD, () -> totpCode(person.email()));
        return page;
    }

    private static Map<String, String> at(double lat, double lon, double accuracy) {
        return Map.of("latitude", String.valueOf(lat), "longitude", String.valueOf(lon),
                "accuracy", String.valueOf(accuracy));
    }

    private static long punchedId(PageClient.Page page) {
        Matcher m = Pattern.compile("/attendance\\?punched=(\\d+)$").matcher(page.location());
        assertThat(m.find()).as(page.location()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theNoticeComesFirstThenAPunchShowsItsResultPlaceAndDistance() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        publishNotice(org.admin());
        Person ada = person(org, "Ada Lam");
        group(org.admin(), "REFUSE", List.of(ada));
        PageClient browser = pages(ada);

        var first = browser.get("/attendance");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("data-test=\"notice-needed\"", "Office hours, 09:00 to 18:00", "Central office")
                .doesNotContain("data-test=\"clock-form\"");
        var early = browser.post("/attendance/clock", at(LAT, LON, 15));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("data-code=\"attendance.notice_unacknowledged\"");
        assertThat(records(org, ada.userId())).isZero();

        var notice = browser.get("/attendance/notice");
        assertThat(notice.body()).contains("We record one location point", "data-test=\"acknowledge-form\"");
        var acknowledged = browser.post("/attendance/notice", Map.of("version", "1"));
        assertThat(acknowledged.location()).endsWith("/attendance?acknowledged");
        var ready = browser.get("/attendance?acknowledged");
        assertThat(ready.body()).contains("data-test=\"acknowledged\"", "data-test=\"clock-form\"", ">Clock in</button>",
                "data-accuracy-limit=\"100\"").doesNotContain("data-test=\"notice-needed\"");
        assertThat(browser.post("/attendance/notice", Map.of("version", "7")).status())
                .as("a stale version is refused on the page").isEqualTo(409);

        at(day, LocalTime.of(9, 12, 40));
        var punched = browser.post("/attendance/clock", at(LAT + 0.0003, LON, 15));
        assertThat(punched.status()).as(punched.body()).isEqualTo(302);
        long id = punchedId(punched);
        Document result = Jsoup.parse(browser.get("/attendance?punched=" + id).body());
        var card = result.selectFirst("[data-test=clock-result]");
        assertThat(card).isNotNull();
        assertThat(card.attr("data-time-result")).isEqualTo("Late");
        assertThat(card.attr("data-location-result")).isEqualTo("Normal");
        assertThat(card.text()).contains("Clocked in at 09:12", "12 minutes after 09:00", "Central office, 33 m from its centre",
                "±15 m");
        assertThat(result.select("[data-check=OnDuty]").text()).contains("09:12", "Late");
        assertThat(result.selectFirst("[data-test=clock-button]").text()).isEqualTo("Clock out");

        var twice = browser.post("/attendance/clock", at(LAT, LON, 15));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("data-code=\"attendance.duplicate_punch\"");

        at(day, LocalTime.of(9, 20));
        browser = pages(ada);
        var outside = browser.post("/attendance/clock", at(OUTSIDE_LAT, LON, 10));
        assertThat(outside.status()).isEqualTo(409);
        Document refused = Jsoup.parse(outside.body());
        assertThat(refused.selectFirst("[data-test=clock-refusal]").attr("data-code")).isEqualTo("attendance.outside_fence");
        assertThat(refused.selectFirst("[data-test=refusal-distance]").text())
                .isEqualTo("You are 2.2 km from Central office, which takes clock-ins within 100 m.");
        assertThat(refused.selectFirst("input[name=latitude]").val()).as("the next try asks for a fresh point").isEmpty();

        var noScript = browser.post("/attendance/clock", Map.of());
        assertThat(noScript.status()).isEqualTo(400);
        assertThat(noScript.body()).contains("data-code=\"attendance.location_required\"", "needs JavaScript");
        var poor = browser.post("/attendance/clock", at(LAT, LON, 250));
        assertThat(poor.status()).isEqualTo(302);
        String poorPage = browser.get("/attendance?punched=" + punchedId(poor)).body();
        assertThat(poorPage).contains("Clocked out at 09:20", "Poor accuracy", "data-time-result=\"Early\"");
        assertThat(records(org, ada.userId())).isEqualTo(2);
    }

    @Test
    void outsideTheFenceAGroupThatAcceptsReasonsAsksForOneAndKeepsThePoint() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        Person ben = staff(org, "ACCEPT_WITH_REASON", 1).get(0);
        at(day, LocalTime.of(8, 50));
        PageClient browser = pages(ben);

        var asked = browser.post("/attendance/clock", at(OUTSIDE_LAT, LON, 12));
        assertThat(asked.status()).isEqualTo(400);
        Document form = Jsoup.parse(asked.body());
        assertThat(form.selectFirst("[data-test=clock-refusal]").attr("data-code"))
                .isEqualTo("attendance.outside_reason_required");
        assertThat(form.selectFirst("[data-test=clock-form]").hasAttr("data-has-location")).isTrue();
        assertThat(form.selectFirst("input[name=latitude]").val()).isEqualTo(String.valueOf(OUTSIDE_LAT));
        assertThat(form.selectFirst("textarea[name=outsideReason]")).isNotNull();
        assertThat(form.selectFirst("[data-test=clock-button]").text()).isEqualTo("Clock in with this reason");
        assertThat(records(org, ben.userId())).isZero();

        var sent = browser.post("/attendance/clock", Map.of("latitude", String.valueOf(OUTSIDE_LAT),
                "longitude", String.valueOf(LON), "accuracy", "12", "outsideReason", "Visiting a client in Kowloon"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        Document result = Jsoup.parse(browser.get("/attendance?punched=" + punchedId(sent)).body());
        var card = result.selectFirst("[data-test=clock-result]");
        assertThat(card.attr("data-time-result")).isEqualTo("Normal");
        assertThat(card.attr("data-location-result")).isEqualTo("Outside");
        assertThat(card.text()).contains("Outside", "2.2 km from Central office", "Visiting a client in Kowloon");

        var month = browser.get("/attendance/me?month=" + YearMonth.from(day) + "&day=" + day);
        assertThat(month.status()).isEqualTo(200);
        Document calendar = Jsoup.parse(month.body());
        assertThat(calendar.selectFirst("td[data-date=" + day + "] a").attr("aria-label")).contains("Outside");
        assertThat(calendar.selectFirst("[data-test=day-records]").text()).contains("On duty", "08:50",
                "Visiting a client in Kowloon", "You");
    }

    @Test
    void theMonthShowsEachDayAndTheSameFiguresAsTheReport() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        Person cat = staff(org, "REFUSE", 1).get(0);
        at(day, LocalTime.of(9, 31));
        punchInside(cat);
        at(day, LocalTime.of(17, 40));
        Person back = again(cat);
        punchInside(back);
        PageClient browser = pages(back);
        YearMonth month = YearMonth.from(day);

        var page = browser.get("/attendance/me?month=" + month + "&day=" + day);
        assertThat(page.status()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        var cell = doc.selectFirst("td[data-date=" + day + "]");
        assertThat(cell.hasClass("kind-late")).isTrue();
        assertThat(cell.selectFirst("a").attr("aria-label")).contains("Late by 31 minutes", "Left 20 minutes early");
        assertThat(cell.select(".mark-late .mark-text").text()).isEqualTo("Late 31′");
        assertThat(doc.selectFirst("[data-test=day-records]").text()).contains("Seriously late", "SeriousLate",
                "Left early", "Central office", "Planned 09:00");
        assertThat(doc.select("[data-test=legend] li")).hasSize(10);

        // The admin's session from the morning has lapsed by now.
        Api admin = new Api(baseUrl(), signIn(org.adminEmail(), PASSWORD));
        JsonNode report = admin.get("/api/v1/attendance/reports/people?month=" + month).json().get("people");
        JsonNode figures = report.get(0).get("figures");
        assertThat(figure(doc, "late")).isEqualTo(figures.get("lateCount").asInt() + " times, "
                + figures.get("lateMinutes").asLong() + " min").isEqualTo("1 times, 31 min");
        assertThat(figure(doc, "early")).isEqualTo("1 times, 20 min");
        assertThat(figure(doc, "daysWorked")).isEqualTo(figures.get("daysWorked").asText());

        var zh = browser.get("/attendance/me?month=" + month + "&day=" + day + "&lang=zh-HK");
        Document chinese = Jsoup.parse(zh.body());
        assertThat(chinese.selectFirst("td[data-date=" + day + "] a").attr("aria-label")).contains("遲到 31 分鐘");
        assertThat(chinese.selectFirst("[data-test=month-title]").text())
                .isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月");

        var next = Jsoup.parse(browser.get("/attendance/me?month=" + month.plusMonths(1)).body());
        assertThat(next.selectFirst("[data-test=totals] [data-figure=daysWorked] dd").text()).isEqualTo("0");
        assertThat(browser.get("/attendance/me?month=2026-13").status()).isEqualTo(400);
        assertThat(browser.get("/attendance/me?month=" + month + "&day=someday").status()).isEqualTo(400);
    }

    @Test
    void withoutAGroupOrANoticeThereIsNothingToClockAndOthersRecordsStayHidden() {
        newWorkDate();
        Org org = newOrganisation();
        Person loner = person(org, "Dan Ho");
        var none = pages(loner).get("/attendance");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).contains("data-test=\"no-group\"").doesNotContain("data-test=\"clock-form\"");
        assertThat(none.body()).contains("href=\"/attendance\"", "href=\"/attendance/me\"");

        Org quiet = newOrganisation();
        Person eve = person(quiet, "Eve Tse");
        group(quiet.admin(), "REFUSE", List.of(eve));
        var unpublished = pages(eve).get("/attendance");
        assertThat(unpublished.body()).contains("data-test=\"notice-missing\"").doesNotContain("data-test=\"clock-form\"");
        assertThat(pages(eve).get("/attendance/notice").status()).isEqualTo(404);

        Org other = newOrganisation();
        Person fay = staff(other, "REFUSE", 1).get(0);
        long foreign = punchInside(fay).get("id").asLong();
        Person gus = staff(org, "REFUSE", 1).get(0);
        PageClient gusPages = pages(gus);
        var peek = gusPages.get("/attendance?punched=" + foreign);
        assertThat(peek.status()).isEqualTo(200);
        assertThat(peek.body()).doesNotContain("data-test=\"clock-result\"");

        var noToken = gusPages.postRaw("/attendance/clock", at(LAT, LON, 10));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(records(org, gus.userId())).isZero();
    }

    private static String figure(Document doc, String name) {
        return doc.selectFirst("[data-test=totals] [data-figure=" + name + "] dd").text();
    }
}
