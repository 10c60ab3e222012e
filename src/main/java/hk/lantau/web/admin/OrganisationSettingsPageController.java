package hk.lantau.web.admin;

import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.OrganisationSettings;
import hk.lantau.tenant.Organisations;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.TimeZones;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's own settings: name, time zone, and whether people may join departments themselves. */
@Controller
@RequestMapping("/admin/organisation")
class OrganisationSettingsPageController {

    private final Organisations organisations;
    private final PageMessages messages;

    OrganisationSettingsPageController(Organisations organisations, PageMessages messages) {
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestParam(required = false) String done, Model model) {
        long tenantId = CurrentActor.require(Permission.ORG_SETTINGS).requireTenant();
        Organisation org = organisations.get(tenantId);
        model.addAttribute("saved", "saved".equals(done));
        return page(model, org, new SettingsForm(org.name(), org.timeZone().getId(), org.selfJoinEnabled()),
                FormErrors.NONE);
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String timeZone,
                @RequestParam(defaultValue = "false") boolean selfJoinEnabled, HttpServletResponse response,
                Model model) {
        long tenantId = CurrentActor.require(Permission.ORG_SETTINGS).requireTenant();
        try {
            organisations.changeSettings(tenantId, new OrganisationSettings(name, zone(timeZone), selfJoinEnabled));
            return "redirect:/admin/organisation?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, organisations.get(tenantId), new SettingsForm(name, timeZone, selfJoinEnabled),
                    FormErrors.of(e, messages, "name", "timeZone"));
        }
    }

    private static String page(Model model, Organisation org, SettingsForm form, FormErrors errors) {
        model.addAttribute("organisation", org);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("zones", TimeZones.all());
        return "admin/organisation";
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw LantauException.invalidField("timeZone", "tenant.time_zone_invalid",
                    "Unknown time zone; use an IANA name such as Asia/Hong_Kong.");
        }
    }

    record SettingsForm(String name, String timeZone, boolean selfJoinEnabled) {
    }
}
