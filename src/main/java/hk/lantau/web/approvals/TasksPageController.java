package hk.lantau.web.approvals;

import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalTasks;
import hk.lantau.approval.Decision;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.TaskView;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's tasks: pending ones oldest first with approve and reject in place, decided ones
 * newest first. Deciding and transferring also come from the approval's own page.
 */
@Controller
@RequestMapping("/approvals/tasks")
class TasksPageController {

    static final int PAGE = 30;

    private final ApprovalTasks tasks;
    private final ApprovalInstances instances;
    private final InstancePage instancePage;
    private final PageMessages texts;

    TasksPageController(ApprovalTasks tasks, ApprovalInstances instances, InstancePage instancePage,
                        PageMessages texts) {
        this.tasks = tasks;
        this.instances = instances;
        this.instancePage = instancePage;
        this.texts = texts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String tab, @RequestParam(required = false) String cursor,
                @RequestParam(required = false) String done, Model model) {
        Person me = Person.current();
        boolean pending = !"done".equals(tab);
        CursorPage<TaskView> page = tasks.mine(me.tenantId(), pending, cursor, PAGE);
        model.addAttribute("page", page);
        model.addAttribute("pending", pending);
        model.addAttribute("cursor", cursor);
        model.addAttribute("done", done);
        return "approvals/tasks";
    }

    /** Agree or refuse; {@code back} is "tasks" when it came from the list. */
    @PostMapping("/{taskId}/decide")
    String decide(@PathVariable long taskId, @RequestParam String result, @RequestParam(required = false) String remark,
                  @RequestParam(required = false) String instanceId, @RequestParam(required = false) String back,
                  HttpServletResponse response, Model model) {
        Person me = Person.current();
        InstanceResult outcome = "refuse".equals(result) ? InstanceResult.REFUSE : InstanceResult.AGREE;
        String doneKey = outcome == InstanceResult.AGREE ? "agreed" : "refused";
        try {
            var decided = tasks.decide(me.tenantId(), taskId,
                    new Decision(outcome, ApprovalsPageController.blankToNull(remark), List.of(), null));
            return "tasks".equals(back) ? "redirect:/approvals/tasks?done=" + doneKey
                    : "redirect:/approvals/" + decided.instanceId() + "?done=" + doneKey;
        } catch (LantauException e) {
            return refused(e, instanceId, me, response, model);
        }
    }

    @PostMapping("/{taskId}/transfer")
    String transfer(@PathVariable long taskId, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String remark, @RequestParam(required = false) String instanceId,
                    HttpServletResponse response, Model model) {
        Person me = Person.current();
        try {
            var moved = tasks.transfer(me.tenantId(), taskId, to == null ? "" : to,
                    ApprovalsPageController.blankToNull(remark), null);
            return "redirect:/approvals/" + moved.instanceId() + "?done=transferred";
        } catch (LantauException e) {
            return refused(e, instanceId, me, response, model);
        }
    }

    private String refused(LantauException e, String instanceId, Person me, HttpServletResponse response,
                           Model model) {
        if (instanceId == null || e.status().value() == 404 || e.status().value() == 403) {
            throw e;
        }
        response.setStatus(e.status().value());
        return instancePage.render(model, me, instances.get(me.tenantId(), instanceId),
                PathErrors.of(e, texts, path -> path.equals("to") || path.equals("remark")));
    }
}
