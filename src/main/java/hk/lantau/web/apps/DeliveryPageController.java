package hk.lantau.web.apps;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.Deliveries;
import hk.lantau.openplatform.DeliveryQuery;
import hk.lantau.openplatform.DeliveryStatus;
import hk.lantau.openplatform.DeliveryView;
import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.openplatform.SubscriptionView;
import hk.lantau.openplatform.Subscriptions;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An app's delivery log: every attempt of every delivery, filtered by subscription, event type,
 * status and time (typed in the organisation's zone), and replays of one delivery or of a range.
 */
@Controller
@RequestMapping("/admin/apps/{appId}/deliveries")
class DeliveryPageController {

    static final int PAGE_SIZE = 25;

    private final Apps apps;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Organisations organisations;
    private final PageMessages messages;

    DeliveryPageController(Apps apps, Subscriptions subscriptions, Deliveries deliveries, Organisations organisations,
                           PageMessages messages) {
        this.apps = apps;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String search(@PathVariable long appId, @ModelAttribute DeliveryFilter filter,
                  @RequestParam(required = false) String cursor, @RequestParam(required = false) String done,
                  @RequestParam(required = false) Integer count, HttpServletResponse response, Model model) {
        long tenantId = manager();
        AppView app = app(tenantId, appId);
        ZoneId zone = organisations.get(tenantId).timeZone();
        model.addAttribute("done", done);
        model.addAttribute("count", count);
        try {
            CursorPage<DeliveryView> page = deliveries.search(tenantId, appId, filter.toQuery(zone), cursor,
                    PAGE_SIZE);
            return page(model, tenantId, app, filter, page, cursor == null, FormErrors.NONE);
        } catch (LantauException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            return page(model, tenantId, app, filter, new CursorPage<>(List.of(), null), true,
                    FormErrors.of(e, messages, "from", "to"));
        }
    }

    @PostMapping("/{deliveryId}/replay")
    String replay(@PathVariable long appId, @PathVariable long deliveryId, RedirectAttributes redirect) {
        deliveries.replay(manager(), appId, deliveryId);
        redirect.addAttribute("done", "replayed");
        return "redirect:/admin/apps/" + appId + "/deliveries";
    }

    @PostMapping("/replay")
    String replayRange(@PathVariable long appId, @RequestParam long subscriptionId,
                       @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                       HttpServletResponse response, RedirectAttributes redirect, Model model) {
        long tenantId = manager();
        AppView app = app(tenantId, appId);
        ZoneId zone = organisations.get(tenantId).timeZone();
        DeliveryFilter range = new DeliveryFilter(subscriptionId, null, null, from, to);
        try {
            int count = deliveries.replay(tenantId, appId, subscriptionId, FormTimes.at("from", from, zone),
                    FormTimes.until("to", to, zone));
            redirect.addAttribute("done", "replayed_range");
            redirect.addAttribute("count", count);
            redirect.addAttribute("subscriptionId", subscriptionId);
            return "redirect:/admin/apps/" + appId + "/deliveries";
        } catch (LantauException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("replayErrors", FormErrors.of(e, messages, "from", "to"));
            model.addAttribute("replayForm", range);
            CursorPage<DeliveryView> page = deliveries.search(tenantId, appId,
                    new DeliveryQuery(subscriptionId, null, null, null, null), null, PAGE_SIZE);
            return page(model, tenantId, app, new DeliveryFilter(subscriptionId, null, null, null, null), page, true,
                    FormErrors.NONE);
        }
    }

    private String page(Model model, long tenantId, AppView app, DeliveryFilter filter, CursorPage<DeliveryView> page,
                        boolean firstPage, FormErrors errors) {
        List<SubscriptionView> list = subscriptions.list(tenantId, app.id());
        model.addAttribute("app", app);
        model.addAttribute("subscriptions", list);
        model.addAttribute("byId", list.stream().collect(Collectors.toMap(SubscriptionView::id, Function.identity())));
        model.addAttribute("types", PlatformEventType.values());
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("firstPage", firstPage);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("replayErrors")) {
            model.addAttribute("replayErrors", FormErrors.NONE);
            model.addAttribute("replayForm", new DeliveryFilter(filter.subscriptionId(), null, null, null, null));
        }
        return "apps/deliveries";
    }

    private AppView app(long tenantId, long appId) {
        return apps.find(tenantId, appId).orElseThrow(
                () -> LantauException.notFound("openplatform.app_not_found", "There is no such app."));
    }

    private static long manager() {
        return CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
    }

    /** The filters as typed: times are local to the organisation's zone, {@code to} includes its minute. */
    record DeliveryFilter(Long subscriptionId, String eventType, DeliveryStatus status, String from, String to) {

        DeliveryQuery toQuery(ZoneId zone) {
            return new DeliveryQuery(subscriptionId, clean(eventType), status, FormTimes.at("from", from, zone),
                    FormTimes.until("to", to, zone));
        }

        /** Keeps the filters when paging. */
        public Map<String, Object> params() {
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            params.put("subscriptionId", subscriptionId);
            params.put("eventType", clean(eventType));
            params.put("status", status == null ? null : status.name());
            params.put("from", clean(from));
            params.put("to", clean(to));
            return params;
        }

        public boolean isEmpty() {
            return subscriptionId == null && clean(eventType) == null && status == null && clean(from) == null
                    && clean(to) == null;
        }

        private static String clean(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
