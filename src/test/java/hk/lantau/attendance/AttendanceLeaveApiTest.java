package hk.lantau.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.attendance.internal.DailyClose;
import hk.lantau.support.Api;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Approved leave and overtime reaching attendance from approvals submitted and decided through the API. */
class AttendanceLeaveApiTest extends AttendanceApiTestSupport {

    @Autowired
    DailyClose dailyClose;

    @Test
    void approvedLeaveIsRecordedInsteadOfAbsenceAndRefusedOrWithdrawnLeaveIsNot() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = staff(org, "REFUSE", 3);
        Person manager = managerOf(org, p);
        String leave = installLeave(org);
        String range = "[\"" + day + "\",\"" + day + "\"]";

        String agreed = submit(p.get(0), leave, values("leave_type", "Annual leave", "period", range, "days", "1"));
        String refused = submit(p.get(1), leave, values("leave_type", "Sick leave", "period", range, "days", "1"));
        String withdrawn = submit(p.get(2), leave, values("leave_type", "Annual leave", "period", range, "days", "1"));
        decide(manager, agreed, "agree");
        decide(manager, refused, "refuse");
        var back = p.get(2).api().post("/api/v1/approvals/" + withdrawn + "/withdraw", json("remark", "Plans changed"));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(auditCount(org, "attendance.leave.recorded")).isEqualTo(1);

        at(day.plusDays(1), LocalTime.of(2, 0));
        dailyClose.run();
        assertThat(results(org, p.get(0).userId(), day)).containsExactly(
                "OffDuty:Normal:APPROVE:" + agreed, "OnDuty:Normal:APPROVE:" + agreed);
        assertThat(results(org, p.get(1).userId(), day)).containsExactly(
                "OffDuty:Absenteeism:SYSTEM:null", "OnDuty:Absenteeism:SYSTEM:null");
        assertThat(results(org, p.get(2).userId(), day)).containsExactly(
                "OffDuty:Absenteeism:SYSTEM:null", "OnDuty:Absenteeism:SYSTEM:null");

        Api admin = signInAgain(org.adminEmail());
        var records = admin.get("/api/v1/attendance/records?userId=" + p.get(0).userId() + "&from=" + day
                + "&to=" + day);
        assertThat(records.json().get(0).get("procInstId").asText()).isEqualTo(agreed);
        assertThat(records.json().get(0).get("sourceType").asText()).isEqualTo("APPROVE");
        var periods = again(org, p.get(0)).api().get("/api/v1/attendance/approved-time?userId=" + p.get(0).userId()
                + "&from=" + day + "&to=" + day);
        assertThat(periods.status()).as(periods.body()).isEqualTo(200);
        assertThat(periods.json().get(0).get("instanceId").asText()).isEqualTo(agreed);
        assertThat(periods.json().get(0).get("kind").asText()).isEqualTo("LEAVE");
        assertThat(periods.json().get(0).get("leaveType").asText()).isEqualTo("Annual leave");
        assertThat(again(org, p.get(1)).api().get("/api/v1/attendance/approved-time?userId=" + p.get(0).userId() + "&from="
                + day + "&to=" + day).status()).as("someone else's needs attendance.read").isEqualTo(403);
    }

    @Test
    void leaveApprovedAfterTheCloseTurnsItsMarksIntoLeave() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = staff(org, "REFUSE", 1);
        Person manager = managerOf(org, p);
        String leave = installLeave(org);
        at(day.plusDays(1), LocalTime.of(2, 0));
        dailyClose.run();
        assertThat(results(org, p.get(0).userId(), day)).containsExactly(
                "OffDuty:Absenteeism:SYSTEM:null", "OnDuty:Absenteeism:SYSTEM:null");

        String sick = submit(again(org, p.get(0)), leave, values("leave_type", "Sick leave",
                "period", "[\"" + day + "\",\"" + day + "\"]", "days", "1"));
        decide(again(org, manager), sick, "agree");
        assertThat(results(org, p.get(0).userId(), day)).containsExactly(
                "OffDuty:Normal:APPROVE:" + sick, "OnDuty:Normal:APPROVE:" + sick);
    }

    @Test
    void halfDaysExcuseTheCheckTheyCoverAndOvertimeIsRecordedInHours() {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        List<Person> p = staff(org, "REFUSE", 2);
        Person manager = managerOf(org, p);
        String leave = template(org, manager, "Leave by the hour", List.of(
                json("id", "span", "type", "DDDateRangeField", "label", "When", "required", true,
                        "format", "yyyy-MM-dd HH:mm"),
                json("id", "kind", "type", "TextField", "label", "Kind", "required", true)));
        String overtime = template(org, manager, "Overtime", List.of(
                json("id", "span", "type", "DDDateRangeField", "label", "When", "required", true,
                        "format", "yyyy-MM-dd HH:mm"),
                json("id", "hours", "type", "NumberField", "label", "Hours", "required", false)));
        var set = org.admin().put("/api/v1/attendance/leave-settings", json("leaveProcessCode", leave,
                "leaveRangeFieldId", "span", "leaveTypeFieldId", "kind", "overtimeProcessCode", overtime,
                "overtimeRangeFieldId", "span", "overtimeHoursFieldId", "hours"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        String morning = submit(p.get(0), leave, values("span", "[\"" + day + " 09:00\",\"" + day + " 13:00\"]",
                "kind", "Annual leave"));
        String afternoon = submit(p.get(1), leave, values("span", "[\"" + day + " 14:00\",\"" + day + " 18:00\"]",
                "kind", "Annual leave"));
        String late = submit(p.get(0), overtime, values("span", "[\"" + day + " 19:00\",\"" + day + " 21:30\"]"));
        String stated = submit(p.get(1), overtime, values("span", "[\"" + day + " 19:00\",\"" + day + " 23:00\"]",
                "hours", "3.5"));
        for (String id : List.of(morning, afternoon, late, stated)) {
            decide(manager, id, "agree");
        }

        at(day, LocalTime.of(18, 5));
        punchInside(again(org, p.get(0)));
        at(day.plusDays(1), LocalTime.of(2, 0));
        dailyClose.run();
        assertThat(results(org, p.get(0).userId(), day)).containsExactly(
                "OffDuty:Normal:USER:null", "OnDuty:Normal:APPROVE:" + morning);
        assertThat(results(org, p.get(1).userId(), day)).containsExactly(
                "OffDuty:Normal:APPROVE:" + afternoon, "OnDuty:NotSigned:SYSTEM:null");

        JsonNode first = again(org, p.get(0)).api().get("/api/v1/attendance/approved-time?userId=" + p.get(0).userId()
                + "&from=" + day + "&to=" + day).json();
        assertThat(first.get(1).get("kind").asText()).isEqualTo("OVERTIME");
        assertThat(first.get(1).get("workDate").asText()).isEqualTo(day.toString());
        assertThat(first.get(1).get("hours").decimalValue()).isEqualByComparingTo("2.5");
        JsonNode second = signInAgain(org.adminEmail()).get("/api/v1/attendance/approved-time?userId=" + p.get(1).userId()
                + "&from=" + day + "&to=" + day).json();
        assertThat(second.get(1).get("hours").decimalValue()).as("the hours field wins").isEqualByComparingTo("3.5");
        assertThat(auditCount(org, "attendance.overtime.recorded")).isEqualTo(2);

        JsonNode report = signInAgain(org.adminEmail()).get("/api/v1/attendance/reports/people?date=" + day).json();
        for (JsonNode row : report.get("people")) {
            JsonNode figures = row.get("figures");
            boolean firstPerson = row.get("userId").asText().equals(p.get(0).userId());
            assertThat(figures.get("leaveDays").asInt()).as("half a day of leave touches the date").isEqualTo(1);
            assertThat(figures.get("overtimeHours").asDouble()).isEqualTo(firstPerson ? 2.5 : 3.5);
        }
        assertThat(report.get("people")).hasSize(2);
    }

    @Test
    void badSettingsAreRefusedAndChangeNothing() {
        Org org = newOrganisation();
        Org other = newOrganisation();
        Person manager = person(org, "Manager");
        String leave = template(org, manager, "Leave by the hour", List.of(
                json("id", "span", "type", "DDDateRangeField", "label", "When", "required", true),
                json("id", "note", "type", "TextField", "label", "Note", "required", false)));
        String theirs = installLeave(other);

        assertThat(code(org.admin().put("/api/v1/attendance/leave-settings", json("leaveProcessCode", theirs,
                "leaveRangeFieldId", "period")))).as("another organisation's template")
                .isEqualTo("attendance.leave_template_unknown");
        assertThat(code(org.admin().put("/api/v1/attendance/leave-settings", json("leaveProcessCode", leave,
                "leaveRangeFieldId", "note")))).isEqualTo("attendance.leave_field_invalid");
        assertThat(code(org.admin().put("/api/v1/attendance/leave-settings", json("leaveProcessCode", leave,
                "leaveRangeFieldId", "nothing")))).isEqualTo("attendance.leave_field_invalid");
        assertThat(code(org.admin().put("/api/v1/attendance/leave-settings", json("overtimeRangeFieldId", "span"))))
                .isEqualTo("attendance.leave_template_required");
        assertThat(manager.api().put("/api/v1/attendance/leave-settings", json("leaveProcessCode", leave,
                "leaveRangeFieldId", "span")).status()).isEqualTo(403);
        JsonNode settings = org.admin().get("/api/v1/attendance/leave-settings").json();
        assertThat(settings.has("leaveProcessCode")).as("nothing changed").isFalse();
        assertThat(auditCount(org, "attendance.leave.settings_changed")).isZero();

        var leaveOnly = org.admin().put("/api/v1/attendance/leave-settings", json("leaveProcessCode", leave,
                "leaveRangeFieldId", "span"));
        assertThat(leaveOnly.status()).as("no overtime template").isEqualTo(200);
        var defaults = org.admin().put("/api/v1/attendance/leave-settings", json());
        assertThat(defaults.status()).as("back to the defaults").isEqualTo(200);
        assertThat(org.admin().get("/api/v1/attendance/leave-settings").json().has("leaveProcessCode")).isFalse();
        assertThat(auditCount(org, "attendance.leave.settings_changed")).isEqualTo(2);

        assertThat(other.admin().get("/api/v1/attendance/approved-time?userId=" + manager.userId()
                + "&from=2026-01-01&to=2026-01-02").status()).as("another organisation's person").isEqualTo(404);
        assertThat(org.admin().get("/api/v1/attendance/approved-time?userId=" + manager.userId()
                + "&from=2026-01-01&to=2026-05-01").status()).isEqualTo(400);
    }

    /** The person signed in again: sessions lapse while the clock moves on by hours. */
    private Person again(Org org, Person person) {
        return new Person(person.userId(), person.name(), person.email(), signInAgain(person.email()));
    }

    private Person managerOf(Org org, List<Person> staff) {
        Person manager = person(org, "Manager");
        for (Person person : staff) {
            var patched = org.admin().patch("/api/v1/users/" + person.userId(), json("managerUserId",
                    manager.userId()));
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        }
        return manager;
    }

    private static String installLeave(Org org) {
        var installed = org.admin().post("/api/v1/approval-presets/leave/install", null);
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        return installed.json().get("template").get("processCode").asText();
    }

    private static String template(Org org, Person approver, String name, List<Map<String, Object>> form) {
        var created = org.admin().post("/api/v1/approval-templates", json("name", name, "groupName", "Attendance",
                "form", form, "process", List.of(json("type", "approver", "id", "boss", "name", "Boss",
                        "approvers", json("kind", "USERS", "userIds", List.of(approver.userId()))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("processCode").asText();
    }

    private static List<Map<String, Object>> values(String... idsAndValues) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            values.add(json("id", idsAndValues[i], "value", idsAndValues[i + 1]));
        }
        return values;
    }

    private static String submit(Person person, String processCode, List<Map<String, Object>> values) {
        var submitted = person.api().post("/api/v1/approvals", json("processCode", processCode, "formValues", values));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().get("instanceId").asText();
    }

    private static void decide(Person approver, String instanceId, String result) {
        JsonNode instance = approver.api().get("/api/v1/approvals/" + instanceId).json();
        for (JsonNode task : instance.get("tasks")) {
            if (task.get("userId").asText().equals(approver.userId()) && task.get("status").asText().equals("RUNNING")) {
                var decided = approver.api().post("/api/v1/approval-tasks/" + task.get("taskId").asLong()
                        + "/decision", json("result", result));
                assertThat(decided.status()).as(decided.body()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no running task of " + approver.userId() + " on " + instanceId);
    }

    private static String code(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("code").asText();
    }

    private List<String> results(Org org, String userId, LocalDate day) {
        return jdbc.sql("select check_type, time_result, source_type, proc_inst_id from att_record where tenant_id = :t "
                        + "and userid = :u and work_date = :d order by check_type")
                .param("t", tenantId(org)).param("u", userId).param("d", java.sql.Date.valueOf(day))
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":"
                        + rs.getString(4)).list();
    }
}
