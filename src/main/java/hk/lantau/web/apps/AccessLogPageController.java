package hk.lantau.web.apps;

import hk.lantau.openplatform.AccessLog;
import hk.lantau.openplatform.AccessLogEntry;
import hk.lantau.openplatform.AccessLogQuery;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One app's API calls, newest first, filtered by time (typed in the organisation's zone) and by
 * status class.
 */
@Controller
class AccessLogPageController {

    static final int PAGE_SIZE = 50;

    private final Apps apps;
    private final AccessLog accessLog;
    private final Organisations organisations;
    private final PageMessages messages;

    AccessLogPageController(Apps apps, AccessLog accessLog, Organisations organisations, PageMessages messages) {
        this.apps = apps;
        this.accessLog = accessLog;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/admin/apps/{appId}/access-log")
    String list(@PathVariable long appId, @ModelAttribute AccessLogFilter filter,
                @RequestParam(required = false) String cursor, HttpServletResponse response, Model model) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        AppView app = apps.find(tenantId, appId).orElseThrow(() -> LantauException.notFound(
                "openplatform.app_not_found", "There is no app " + appId + " in this organisation."));
        ZoneId zone = organisations.get(tenantId).timeZone();
        model.addAttribute("app", app);
        model.addAttribute("filter", filter);
        model.addAttribute("firstPage", cursor == null);
        try {
            model.addAttribute("page", accessLog.page(tenantId, appId, filter.toQuery(zone), cursor, PAGE_SIZE));
            model.addAttribute("errors", FormErrors.NONE);
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            model.addAttribute("page", new CursorPage<AccessLogEntry>(List.of(), null));
            model.addAttribute("errors", FormErrors.of(e, messages, "from", "to", "status"));
        }
        return "apps/access-log";
    }

    /** The filter form as typed: times local to the organisation's zone, {@code to} inclusive of its minute. */
    record AccessLogFilter(String from, String to, String status) {

        AccessLogQuery toQuery(ZoneId zone) {
            return new AccessLogQuery(FormTimes.at("from", from, zone), FormTimes.until("to", to, zone),
                    AccessLogQuery.statusClass(status));
        }

        public boolean isEmpty() {
            return blank(from) && blank(to) && blank(status);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
