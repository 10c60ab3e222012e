package hk.lantau.web.operator;

import hk.lantau.installation.NewOrganisationWithAdmin;
import hk.lantau.installation.OrganisationProvisioning;
import hk.lantau.installation.ProvisionedOrganisation;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.DataRegion;
import hk.lantau.tenant.Edition;
import hk.lantau.tenant.NewOrganisation;
import hk.lantau.tenant.Organisations;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.TimeZones;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The operator's list of organisations and the form that creates one with its first admin. The
 * admin's one-time setup link is shown on the result page only; it is stored nowhere in clear.
 */
@Controller
@RequestMapping("/operator/organisations")
class OrganisationsPageController {

    private static final String[] ORGANISATION_FIELDS = {"name", "region", "timeZone", "edition"};
    private static final String[] ADMIN_FIELDS = {"adminName", "adminEmail", "adminMobile"};

    private final Organisations organisations;
    private final OrganisationProvisioning provisioning;
    private final PageMessages messages;

    OrganisationsPageController(Organisations organisations, OrganisationProvisioning provisioning,
                                PageMessages messages) {
        this.organisations = organisations;
        this.provisioning = provisioning;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        requireOperator();
        return page(model, OrganisationForm.empty(), FormErrors.NONE);
    }

    @PostMapping
    String create(@ModelAttribute OrganisationForm form, HttpServletResponse response, Model model) {
        requireOperator();
        DataRegion region = choice(DataRegion.class, form.region());
        Edition edition = choice(Edition.class, form.edition());
        if (region == null || edition == null) {
            response.setStatus(400);
            return page(model, form, FormErrors.general(messages.text("operator.organisations.invalid_choice")));
        }
        try {
            ProvisionedOrganisation created = provisioning.provision(new NewOrganisationWithAdmin(
                    new NewOrganisation(form.name(), region, zone(form.timeZone()), edition),
                    form.adminName(), form.adminEmail(), blankToNull(form.adminMobile())));
            model.addAttribute("created", created);
            return page(model, OrganisationForm.empty(), FormErrors.NONE);
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, form, FormErrors.of(onFormFields(e), messages,
                    concat(ORGANISATION_FIELDS, ADMIN_FIELDS)));
        }
    }

    private String page(Model model, OrganisationForm form, FormErrors errors) {
        model.addAttribute("organisations", organisations.list());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", DataRegion.values());
        model.addAttribute("editions", Edition.values());
        model.addAttribute("zones", TimeZones.all());
        return "operator/organisations";
    }

    /**
     * Errors about the admin come from the directory and identity modules and name the person's
     * fields ({@code name}, {@code email}); on this form those are the admin's fields.
     */
    private static LantauException onFormFields(LantauException e) {
        if (e.code().startsWith("tenant.")) {
            return e;
        }
        List<FieldViolation> renamed = e.violations().stream()
                .map(v -> new FieldViolation("admin" + Character.toUpperCase(v.field().charAt(0))
                        + v.field().substring(1), v.code(), v.message()))
                .toList();
        return new LantauException(e.status(), e.code(), e.getMessage(), renamed);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id == null ? TimeZones.DEFAULT : id);
        } catch (DateTimeException e) {
            throw LantauException.invalidField("timeZone", "tenant.time_zone_invalid",
                    "Unknown time zone; use an IANA name such as Asia/Hong_Kong.");
        }
    }

    /** Only the operator may know which organisations exist; everyone else finds nothing here. */
    private static void requireOperator() {
        if (!CurrentActor.get().can(Permission.ORGANISATIONS_MANAGE)) {
            throw LantauException.notFound("not_found", "Nothing is at this address.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The create form as posted. */
    record OrganisationForm(String name, String region, String timeZone, String edition, String adminName,
                            String adminEmail, String adminMobile) {

        static OrganisationForm empty() {
            return new OrganisationForm("", DataRegion.HK.name(), TimeZones.DEFAULT, Edition.FREE.name(), "", "", "");
        }
    }
}
