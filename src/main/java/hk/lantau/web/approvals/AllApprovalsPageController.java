package hk.lantau.web.approvals;

import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.InstanceQuery;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceSummary;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.Person;
import hk.lantau.web.shell.Shell;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every approval of the organisation for those with {@code approval.read}, newest first, filtered
 * by template, status, originator and the days they were submitted on (in the organisation's zone).
 */
@Controller
@RequestMapping("/admin/approvals")
class AllApprovalsPageController {

    static final int PAGE = 50;

    private final ApprovalInstances instances;
    private final ApprovalTemplates templates;
    private final People people;

    AllApprovalsPageController(ApprovalInstances instances, ApprovalTemplates templates, People people) {
        this.instances = instances;
        this.templates = templates;
        this.people = people;
    }

    @GetMapping
    String list(@RequestParam(required = false) String processCode, @RequestParam(required = false) InstanceStatus status,
                @RequestParam(required = false) String originator,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String cursor, @ModelAttribute("shell") Shell shell, Model model) {
        Person me = Person.current();
        CurrentActor.require(Permission.APPROVAL_READ);
        String code = ApprovalsPageController.blankToNull(processCode);
        String who = ApprovalsPageController.blankToNull(originator);
        Instant fromAt = from == null ? null : from.atStartOfDay(shell.zone()).toInstant();
        Instant toAt = to == null ? null : to.plusDays(1).atStartOfDay(shell.zone()).toInstant();
        CursorPage<InstanceSummary> page = instances.search(me.tenantId(), new InstanceQuery(false, code,
                status == null ? null : List.of(status), who == null ? null : List.of(who), fromAt, toAt), cursor, PAGE);
        model.addAttribute("page", page);
        model.addAttribute("names", people.names(me.tenantId(),
                page.items().stream().map(InstanceSummary::originatorUserId).toList()));
        model.addAttribute("templates", templates.list(me.tenantId(), true));
        model.addAttribute("people", people.everyone(me));
        model.addAttribute("statuses", InstanceStatus.values());
        model.addAttribute("processCode", code);
        model.addAttribute("status", status);
        model.addAttribute("originator", who);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("cursor", cursor);
        return "approvals/all";
    }
}
