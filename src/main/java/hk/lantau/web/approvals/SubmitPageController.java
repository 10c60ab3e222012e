package hk.lantau.web.approvals;

import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.TemplateView;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The submission form, drawn from the template's components. A refused submission comes back with
 * each problem next to its field and every value kept; "add row" on a table posts the form and
 * draws it again with one more row, so tables need no script.
 */
@Controller
@RequestMapping("/approvals/new")
class SubmitPageController {

    private final ApprovalTemplates templates;
    private final ApprovalInstances instances;
    private final People people;
    private final Colleagues colleagues;
    private final Uploads uploads;
    private final PageMessages texts;

    SubmitPageController(ApprovalTemplates templates, ApprovalInstances instances, People people,
                         Colleagues colleagues, Uploads uploads, PageMessages texts) {
        this.uploads = uploads;
        this.templates = templates;
        this.instances = instances;
        this.people = people;
        this.colleagues = colleagues;
        this.texts = texts;
    }

    @GetMapping("/{processCode}")
    String form(@PathVariable String processCode, Model model) {
        Person me = Person.current();
        TemplateView template = templates.get(me.tenantId(), processCode);
        if (!template.enabled()) {
            throw LantauException.notFound("approval.template_not_found", "There is no such template.");
        }
        return render(model, me, template, new Submission(template, null), null, UUID.randomUUID().toString(),
                PathErrors.NONE);
    }

    @PostMapping("/{processCode}")
    String submit(@PathVariable String processCode, @RequestParam MultiValueMap<String, String> params,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Person me = Person.current();
        TemplateView template = templates.get(me.tenantId(), processCode);
        Submission submission = new Submission(template, params);
        Long departmentId = departmentId(params.getFirst("departmentId"));
        String requestId = params.getFirst("clientRequestId");
        try {
            // Files are stored as soon as they arrive, so a form drawn again keeps them by id.
            for (FormComponent c : template.definition().form()) {
                if (c.type() == ComponentType.DDAttachment) {
                    submission.addUploads(c.id(), uploads.store(me.tenantId(), request, "file." + c.id()));
                }
            }
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            return render(model, me, template, submission, departmentId, requestId, PathErrors.general(texts.problem(e)));
        }
        if (submission.addingRow()) {
            return render(model, me, template, submission, departmentId, requestId, PathErrors.NONE);
        }
        try {
            InstanceView created = instances.submit(me.tenantId(), submission.toNewInstance(departmentId,
                    requestId == null || requestId.isBlank() ? null : requestId));
            return "redirect:/approvals/" + created.instanceId() + "?done=submitted";
        } catch (LantauException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            Set<String> shown = shownPaths(template);
            return render(model, me, template, submission, departmentId, requestId,
                    PathErrors.of(e, texts, path -> shown.contains(path) || path.matches("[\\w-]+\\[\\d+]\\.[\\w-]+")));
        }
    }

    private String render(Model model, Person me, TemplateView template, Submission submission, Long departmentId,
                          String requestId, PathErrors errors) {
        List<FormComponent> form = template.definition().form();
        boolean needsPeople = form.stream().anyMatch(c -> uses(c, ComponentType.InnerContactField))
                || !Submission.choiceSteps(template.definition().process()).isEmpty();
        boolean needsDepartments = form.stream().anyMatch(c -> uses(c, ComponentType.DepartmentField));
        DirectoryUser user = people.user(me.tenantId(), me.userId());
        List<Long> mine = user == null ? List.of() : user.departmentIds();
        model.addAttribute("template", template);
        model.addAttribute("sub", submission);
        model.addAttribute("choices", Submission.choiceSteps(template.definition().process()));
        model.addAttribute("colleagues", needsPeople ? colleagues.of(me, null) : List.of());
        model.addAttribute("departments", needsDepartments || mine.size() > 1 ? people.departments(me.tenantId())
                : List.of());
        model.addAttribute("myDepartments", mine);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("clientRequestId", requestId);
        model.addAttribute("errors", errors);
        return "approvals/new";
    }

    private static boolean uses(FormComponent c, ComponentType type) {
        return c.type() == type || c.children().stream().anyMatch(child -> child.type() == type);
    }

    private static Set<String> shownPaths(TemplateView template) {
        Set<String> paths = new HashSet<>();
        template.definition().form().forEach(c -> paths.add(c.id()));
        Submission.choiceSteps(template.definition().process()).forEach(s -> paths.add("approverChoices." + s.key()));
        return paths;
    }

    private static Long departmentId(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
