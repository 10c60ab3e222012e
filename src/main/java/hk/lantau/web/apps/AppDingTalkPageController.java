package hk.lantau.web.apps;

import hk.lantau.openplatform.AppRedirectUris;
import hk.lantau.openplatform.AppRobotSettings;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An app's DingTalk settings: the addresses its sign-in codes may be sent to (OAuth2
 * {@code redirect_uri}) and where its robot receives the messages people send it, with the secret
 * those are signed with.
 */
@Controller
@RequestMapping("/admin/apps/{appId}/dingtalk")
class AppDingTalkPageController {

    private final Apps apps;
    private final AppRedirectUris redirects;
    private final AppRobotSettings robots;
    private final PageMessages messages;

    AppDingTalkPageController(Apps apps, AppRedirectUris redirects, AppRobotSettings robots,
                              PageMessages messages) {
        this.apps = apps;
        this.redirects = redirects;
        this.robots = robots;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable long appId, @RequestParam(required = false) String done, HttpServletResponse response,
                Model model) {
        model.addAttribute("done", done);
        return page(model, response, manager(), appId, new Form("", null), FormErrors.NONE);
    }

    @PostMapping("/redirect-uris")
    String add(@PathVariable long appId, @RequestParam(defaultValue = "") String redirectUri,
               HttpServletResponse response, Model model) {
        long tenantId = manager();
        List<String> wanted = new ArrayList<>(redirects.redirects(tenantId, appId));
        wanted.add(redirectUri.strip());
        try {
            redirects.replaceRedirects(tenantId, appId, wanted);
            return "redirect:/admin/apps/" + appId + "/dingtalk?done=redirect_added";
        } catch (LantauException e) {
            return refused(model, response, tenantId, appId, new Form(redirectUri, null), e, "redirectUris",
                    "redirectUri");
        }
    }

    @PostMapping("/redirect-uris/remove")
    String remove(@PathVariable long appId, @RequestParam String redirectUri) {
        long tenantId = manager();
        List<String> wanted = new ArrayList<>(redirects.redirects(tenantId, appId));
        wanted.remove(redirectUri);
        redirects.replaceRedirects(tenantId, appId, wanted);
        return "redirect:/admin/apps/" + appId + "/dingtalk?done=redirect_removed";
    }

    @PostMapping("/robot")
    String robot(@PathVariable long appId, @RequestParam(defaultValue = "") String messageUrl,
                 HttpServletResponse response, Model model) {
        long tenantId = manager();
        try {
            robots.setMessageUrl(tenantId, appId, messageUrl.strip());
            return "redirect:/admin/apps/" + appId + "/dingtalk?done="
                    + (messageUrl.isBlank() ? "robot_cleared" : "robot_saved");
        } catch (LantauException e) {
            return refused(model, response, tenantId, appId, new Form("", messageUrl), e, "messageUrl",
                    "messageUrl");
        }
    }

    @PostMapping("/robot/reset-secret")
    String resetSecret(@PathVariable long appId) {
        robots.resetSecret(manager(), appId);
        return "redirect:/admin/apps/" + appId + "/dingtalk?done=secret_reset";
    }

    private String refused(Model model, HttpServletResponse response, long tenantId, long appId, Form form,
                           LantauException e, String apiField, String formField) {
        if (e.status().value() == 404) {
            throw e;
        }
        response.setStatus(e.status().value());
        FormErrors errors = FormErrors.onLists(e, messages, apiField);
        String message = errors.field(apiField);
        return page(model, response, tenantId, appId, form,
                message == null ? errors : FormErrors.field(formField, message));
    }

    /** The signing secret is on the page, so the page is never cached. */
    private String page(Model model, HttpServletResponse response, long tenantId, long appId, Form form,
                        FormErrors errors) {
        AppView app = apps.find(tenantId, appId).orElseThrow(
                () -> LantauException.notFound("openplatform.app_not_found", "There is no such app."));
        AppRobotSettings.RobotSettings robot = robots.get(tenantId, appId);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("app", app);
        model.addAttribute("redirects", redirects.redirects(tenantId, appId));
        model.addAttribute("maxRedirects", AppRedirectUris.MAX_REDIRECTS);
        model.addAttribute("robot", robot);
        model.addAttribute("form", new Form(form.redirectUri(),
                form.messageUrl() != null ? form.messageUrl() : robot.messageUrl()));
        model.addAttribute("errors", errors);
        return "apps/dingtalk";
    }

    private static long manager() {
        return CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
    }

    /** The forms as posted. */
    record Form(String redirectUri, String messageUrl) {
    }
}
