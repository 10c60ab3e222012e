package hk.lantau.web.apps;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.openplatform.SubscriptionDraft;
import hk.lantau.openplatform.SubscriptionHosts;
import hk.lantau.openplatform.SubscriptionSecret;
import hk.lantau.openplatform.Subscriptions;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
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
 * An app's webhook subscriptions: subscribing, pausing and resuming, rotating the signing secret
 * and deleting. A new secret is shown on the page that answers the form, once, and never again.
 */
@Controller
@RequestMapping("/admin/apps/{appId}/webhooks")
class SubscriptionPageController {

    private final Apps apps;
    private final Subscriptions subscriptions;
    private final SubscriptionHosts hosts;
    private final PageMessages messages;

    SubscriptionPageController(Apps apps, Subscriptions subscriptions, SubscriptionHosts hosts,
                               PageMessages messages) {
        this.apps = apps;
        this.subscriptions = subscriptions;
        this.hosts = hosts;
        this.messages = messages;
    }

    @GetMapping
    String list(@PathVariable long appId, @RequestParam(required = false) String done, Model model) {
        long tenantId = manager();
        model.addAttribute("done", done);
        return page(model, tenantId, appId, new SubscriptionForm("", List.of()), FormErrors.NONE);
    }

    @PostMapping
    String create(@PathVariable long appId, @RequestParam(defaultValue = "") String callbackUrl,
                  @RequestParam(required = false) List<String> eventTypes, HttpServletResponse response,
                  Model model) {
        long tenantId = manager();
        SubscriptionForm form = new SubscriptionForm(callbackUrl, eventTypes);
        try {
            SubscriptionSecret created = subscriptions.create(tenantId, appId,
                    new SubscriptionDraft(callbackUrl.strip(), form.eventTypes()));
            return issued(model, response, tenantId, appId, created, "created");
        } catch (LantauException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            return page(model, tenantId, appId, form, errors(e));
        }
    }

    @PostMapping("/{subscriptionId}/pause")
    String pause(@PathVariable long appId, @PathVariable long subscriptionId) {
        subscriptions.pause(manager(), appId, subscriptionId);
        return "redirect:/admin/apps/" + appId + "/webhooks?done=paused";
    }

    @PostMapping("/{subscriptionId}/resume")
    String resume(@PathVariable long appId, @PathVariable long subscriptionId) {
        subscriptions.resume(manager(), appId, subscriptionId);
        return "redirect:/admin/apps/" + appId + "/webhooks?done=resumed";
    }

    @PostMapping("/{subscriptionId}/rotate")
    String rotate(@PathVariable long appId, @PathVariable long subscriptionId, HttpServletResponse response,
                  Model model) {
        long tenantId = manager();
        return issued(model, response, tenantId, appId, subscriptions.rotateSecret(tenantId, appId, subscriptionId),
                "rotated");
    }

    @PostMapping("/{subscriptionId}/delete")
    String delete(@PathVariable long appId, @PathVariable long subscriptionId) {
        subscriptions.delete(manager(), appId, subscriptionId);
        return "redirect:/admin/apps/" + appId + "/webhooks?done=deleted";
    }

    /** The page with a new secret on it: never cached, and never reachable again by its address. */
    private String issued(Model model, HttpServletResponse response, long tenantId, long appId,
                          SubscriptionSecret secret, String done) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("issued", secret);
        model.addAttribute("done", done);
        return page(model, tenantId, appId, new SubscriptionForm("", List.of()), FormErrors.NONE);
    }

    private String page(Model model, long tenantId, long appId, SubscriptionForm form, FormErrors errors) {
        AppView app = apps.find(tenantId, appId).orElseThrow(
                () -> LantauException.notFound("openplatform.app_not_found", "There is no such app."));
        model.addAttribute("app", app);
        model.addAttribute("subscriptions", subscriptions.list(tenantId, appId));
        model.addAttribute("types", EventTypeChoice.all(app));
        model.addAttribute("hostCount", hosts.list(tenantId).size());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "apps/webhooks";
    }

    private FormErrors errors(LantauException e) {
        return FormErrors.onLists(e, messages, "callbackUrl", "eventTypes");
    }

    private static long manager() {
        return CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
    }

    /** The form as posted. */
    record SubscriptionForm(String callbackUrl, List<String> eventTypes) {

        SubscriptionForm {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        }

        public boolean has(PlatformEventType type) {
            return eventTypes.contains(type.key());
        }
    }
}
