package hk.lantau.web.apps;

import hk.lantau.openplatform.SubscriptionHosts;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's internal hosts that webhooks may call, with the risk spelt out. */
@Controller
@RequestMapping("/admin/apps/webhook-hosts")
class SubscriptionHostPageController {

    private final SubscriptionHosts hosts;
    private final PageMessages messages;

    SubscriptionHostPageController(SubscriptionHosts hosts, PageMessages messages) {
        this.hosts = hosts;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return page(model, manager(), "", FormErrors.NONE);
    }

    @PostMapping
    String allow(@RequestParam(defaultValue = "") String host, HttpServletResponse response, Model model) {
        long tenantId = manager();
        try {
            hosts.allow(tenantId, host.strip());
            return "redirect:/admin/apps/webhook-hosts?done=allowed";
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return page(model, tenantId, host, FormErrors.of(e, messages, "host"));
        }
    }

    @PostMapping("/remove")
    String remove(@RequestParam String host) {
        hosts.remove(manager(), host);
        return "redirect:/admin/apps/webhook-hosts?done=removed";
    }

    private String page(Model model, long tenantId, String host, FormErrors errors) {
        model.addAttribute("hosts", hosts.list(tenantId));
        model.addAttribute("host", host);
        model.addAttribute("errors", errors);
        return "apps/webhook-hosts";
    }

    private static long manager() {
        return CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
    }
}
