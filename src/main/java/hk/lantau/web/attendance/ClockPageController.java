package hk.lantau.web.attendance;

import hk.lantau.attendance.AttendancePolicy;
import hk.lantau.attendance.AttendanceRecord;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.MyAttendance;
import hk.lantau.attendance.MyDay;
import hk.lantau.attendance.Punch;
import hk.lantau.attendance.Punches;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Clocking in from a phone or a desk: today's shift and punches and one button. The page's script
 * asks the browser for one location point and posts it with the form; the result comes back
 * after a redirect, so reloading never punches twice.
 */
@Controller
@RequestMapping("/attendance")
class ClockPageController {

    /** Refusals shown on the page itself; anything else is the error page. */
    private static final Set<String> SHOWN = Set.of("attendance.location_required", "attendance.latitude_invalid",
            "attendance.longitude_invalid", "attendance.accuracy_invalid", "attendance.wifi_invalid",
            "attendance.notice_missing", "attendance.notice_unacknowledged", "attendance.no_group",
            "attendance.duplicate_punch", "attendance.outside_fence", "attendance.outside_reason_required");

    private final MyAttendance mine;
    private final Punches punches;
    private final AttendancePolicy policy;
    private final PageMessages texts;

    ClockPageController(MyAttendance mine, Punches punches, AttendancePolicy policy, PageMessages texts) {
        this.mine = mine;
        this.punches = punches;
        this.policy = policy;
        this.texts = texts;
    }

    /** {@code punched} names a record of today's to show as the result of the punch just made. */
    @GetMapping
    String page(@RequestParam(required = false) Long punched, Model model) {
        Person me = Person.current();
        MyDay day = mine.today(me.tenantId());
        show(model, day);
        day.records().stream().filter(r -> punched != null && r.id() == punched).findFirst().ifPresent(r -> {
            model.addAttribute("punched", r);
            if (r.latitude() != null && r.longitude() != null) {
                mine.nearest(me.tenantId(), r.latitude(), r.longitude()).ifPresent(d -> model.addAttribute("distance", d));
            }
        });
        return "attendance/clock-in";
    }

    @PostMapping("/clock")
    String clock(@RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude,
                 @RequestParam(required = false) Double accuracy, @RequestParam(required = false) String outsideReason,
                 HttpServletResponse response, Model model) {
        Person me = Person.current();
        try {
            AttendanceRecord record = punches.punch(me.tenantId(),
                    new Punch(null, latitude, longitude, accuracy, null, null, outsideReason));
            return "redirect:/attendance?punched=" + record.id();
        } catch (LantauException e) {
            if (!SHOWN.contains(e.code())) {
                throw e;
            }
            response.setStatus(e.status().value());
            MyDay day = mine.today(me.tenantId());
            show(model, day);
            model.addAttribute("refusal", e.code());
            model.addAttribute("refusalText", texts.problem(e));
            model.addAttribute("latitude", latitude);
            model.addAttribute("longitude", longitude);
            model.addAttribute("accuracy", accuracy);
            model.addAttribute("outsideReason", outsideReason);
            if (latitude != null && longitude != null && !day.places().isEmpty()) {
                mine.nearest(me.tenantId(), latitude, longitude).ifPresent(d -> model.addAttribute("distance", d));
            }
            return "attendance/clock-in";
        }
    }

    @GetMapping("/notice")
    String notice(Model model) {
        Person me = Person.current();
        model.addAttribute("notice", policy.notice(me.tenantId()));
        return "attendance/clock-notice";
    }

    @PostMapping("/notice")
    String acknowledge(@RequestParam int version, HttpServletResponse response, Model model) {
        Person me = Person.current();
        try {
            policy.acknowledge(me.tenantId(), version);
            return "redirect:/attendance?acknowledged";
        } catch (LantauException e) {
            if (!"attendance.notice_version_stale".equals(e.code())) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("notice", policy.notice(me.tenantId()));
            model.addAttribute("refusalText", texts.problem(e));
            return "attendance/clock-notice";
        }
    }

    private static void show(Model model, MyDay day) {
        model.addAttribute("day", day);
        AttendanceRecord onDuty = check(day, CheckType.ON_DUTY);
        model.addAttribute("onDuty", onDuty);
        model.addAttribute("offDuty", check(day, CheckType.OFF_DUTY));
        model.addAttribute("clockedIn", onDuty != null && onDuty.userTime() != null);
        model.addAttribute("canClock", day.groupName() != null && day.notice() != null && day.notice().acknowledged());
    }

    private static AttendanceRecord check(MyDay day, CheckType check) {
        return day.records().stream().filter(r -> r.checkType() == check).findFirst().orElse(null);
    }
}
