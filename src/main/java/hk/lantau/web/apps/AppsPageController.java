package hk.lantau.web.apps;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.openplatform.AppAdministration;
import hk.lantau.openplatform.AppSecret;
import hk.lantau.openplatform.AppSecrets;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.IssuedSecret;
import hk.lantau.openplatform.RegisteredApp;
import hk.lantau.openplatform.SecretsSummary;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation's internal apps: the list, registering one, and an app's page with its settings,
 * status and secrets. A new secret is shown on the page that answers the form, once, and is never
 * stored or shown again.
 */
@Controller
@RequestMapping("/admin/apps")
class AppsPageController {

    static final String[] FIELDS = {"name", "description", "purpose", "scopes", "ownerUserId", "ipAllowList",
        "rateLimitPerMinute"};

    private final Apps apps;
    private final AppAdministration administration;
    private final AppSecrets secrets;
    private final Directory directory;
    private final PageMessages messages;

    AppsPageController(Apps apps, AppAdministration administration, AppSecrets secrets, Directory directory,
                       PageMessages messages) {
        this.apps = apps;
        this.administration = administration;
        this.secrets = secrets;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        long tenantId = manager().requireTenant();
        Map<AppView, SecretsSummary> rows = new LinkedHashMap<>();
        apps.list(tenantId).forEach(app -> rows.put(app, SecretsSummary.of(secrets.list(tenantId, app.id()))));
        model.addAttribute("rows", rows);
        model.addAttribute("done", done);
        return "apps/apps";
    }

    @GetMapping("/new")
    String form(Model model) {
        Actor actor = manager();
        actor.requireTenant();
        return form(model, AppForm.empty(actor.userId()), FormErrors.NONE);
    }

    @PostMapping
    String register(@ModelAttribute AppForm form, HttpServletResponse response, Model model) {
        long tenantId = manager().requireTenant();
        try {
            RegisteredApp registered = administration.register(tenantId, form.toNewApp());
            model.addAttribute("issued", registered.secret());
            model.addAttribute("done", "registered");
            return page(model, tenantId, registered.app(), null, FormErrors.NONE);
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return form(model, form, errors(e));
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        long tenantId = manager().requireTenant();
        model.addAttribute("done", done);
        return page(model, tenantId, administration.get(tenantId, id), null, FormErrors.NONE);
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @ModelAttribute AppForm form, HttpServletResponse response, Model model) {
        long tenantId = manager().requireTenant();
        AppView app = administration.get(tenantId, id);
        try {
            administration.change(tenantId, id, form.toChange());
            return "redirect:/admin/apps/" + id + "?done=saved";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, app, form, errors(e));
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id) {
        long tenantId = manager().requireTenant();
        administration.disable(tenantId, id);
        return "redirect:/admin/apps/" + id + "?done=disabled";
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id) {
        long tenantId = manager().requireTenant();
        administration.enable(tenantId, id);
        return "redirect:/admin/apps/" + id + "?done=enabled";
    }

    @PostMapping("/{id}/secrets")
    String rotate(@PathVariable long id, @RequestParam(defaultValue = "7") int graceDays,
                  HttpServletResponse response, Model model) {
        long tenantId = manager().requireTenant();
        AppView app = administration.get(tenantId, id);
        try {
            IssuedSecret issued = secrets.issue(tenantId, id, graceDays);
            model.addAttribute("issued", issued);
            model.addAttribute("done", "rotated");
            return page(model, tenantId, app, null, FormErrors.NONE);
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, app, null, FormErrors.of(e, messages));
        }
    }

    /** Revokes one secret; htmx swaps its row, without JavaScript the page reloads. */
    @PostMapping("/{id}/secrets/{secretId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long secretId,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        long tenantId = manager().requireTenant();
        AppSecret revoked = secrets.revoke(tenantId, id, secretId);
        if (htmx == null) {
            return "redirect:/admin/apps/" + id + "?done=revoked";
        }
        model.addAttribute("app", administration.get(tenantId, id));
        model.addAttribute("s", revoked);
        return "apps/app :: secret-row";
    }

    private String form(Model model, AppForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", ScopeGroup.all());
        return "apps/register";
    }

    private String page(Model model, long tenantId, AppView app, AppForm failedEdit, FormErrors errors) {
        List<AppSecret> list = secrets.list(tenantId, app.id());
        model.addAttribute("app", app);
        model.addAttribute("owner", directory.findUser(tenantId, app.ownerUserId()).map(DirectoryUser::name)
                .orElse(app.ownerUserId()));
        model.addAttribute("secrets", list);
        model.addAttribute("summary", SecretsSummary.of(list));
        model.addAttribute("form", failedEdit == null ? AppForm.of(app) : failedEdit);
        model.addAttribute("editing", failedEdit != null);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", ScopeGroup.all());
        return "apps/app";
    }

    private FormErrors errors(LantauException e) {
        return FormErrors.onLists(e, messages, FIELDS);
    }

    private static Actor manager() {
        return CurrentActor.require(Permission.APPS_MANAGE);
    }
}
