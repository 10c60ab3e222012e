package hk.lantau.web.approvals;

import hk.lantau.approval.ApprovalAttachments;
import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalTasks;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.InstanceQuery;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceSummary;
import hk.lantau.approval.TemplateSummary;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Approvals in the workspace: the start page (what one can submit, what waits for one), one's own
 * submissions, and one approval with its history and the actions the viewer may take.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalsPageController {

    static final int PAGE = 30;
    static final int PENDING_SHOWN = 100;

    private final ApprovalTemplates templates;
    private final ApprovalInstances instances;
    private final ApprovalTasks tasks;
    private final InstancePage instancePage;
    private final Uploads uploads;
    private final PageMessages texts;

    ApprovalsPageController(ApprovalTemplates templates, ApprovalInstances instances, ApprovalTasks tasks,
                            InstancePage instancePage, Uploads uploads, PageMessages texts) {
        this.uploads = uploads;
        this.templates = templates;
        this.instances = instances;
        this.tasks = tasks;
        this.instancePage = instancePage;
        this.texts = texts;
    }

    @GetMapping
    String start(Model model) {
        Person me = Person.current();
        Map<String, List<TemplateSummary>> groups = new TreeMap<>();
        for (TemplateSummary t : templates.list(me.tenantId(), false)) {
            String group = t.groupName() == null || t.groupName().isBlank() ? "" : t.groupName();
            groups.computeIfAbsent(group, k -> new java.util.ArrayList<>()).add(t);
        }
        Map<String, List<TemplateSummary>> ordered = new LinkedHashMap<>();
        groups.forEach((k, v) -> {
            if (!k.isEmpty()) {
                ordered.put(k, v);
            }
        });
        if (groups.containsKey("")) {
            ordered.put("", groups.get(""));
        }
        model.addAttribute("groups", ordered);
        model.addAttribute("pendingCount", tasks.mine(me.tenantId(), true, null, PENDING_SHOWN).items().size());
        model.addAttribute("recent", instances.search(me.tenantId(),
                new InstanceQuery(true, null, null, null, null, null), null, 5).items());
        model.addAttribute("pendingMax", PENDING_SHOWN);
        return "approvals/start";
    }

    @GetMapping("/mine")
    String mine(@RequestParam(required = false) InstanceStatus status, @RequestParam(required = false) String cursor,
                Model model) {
        Person me = Person.current();
        CursorPage<InstanceSummary> page = instances.search(me.tenantId(),
                new InstanceQuery(true, null, status == null ? null : List.of(status), null, null, null), cursor, PAGE);
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("cursor", cursor);
        model.addAttribute("statuses", InstanceStatus.values());
        return "approvals/mine";
    }

    @GetMapping("/{instanceId}")
    String show(@PathVariable String instanceId, @RequestParam(required = false) String done, Model model) {
        Person me = Person.current();
        model.addAttribute("done", done);
        return instancePage.render(model, me, instances.get(me.tenantId(), instanceId), PathErrors.NONE);
    }

    @PostMapping("/{instanceId}/withdraw")
    String withdraw(@PathVariable String instanceId, @RequestParam(required = false) String remark,
                    HttpServletResponse response, Model model) {
        Person me = Person.current();
        try {
            instances.withdraw(me.tenantId(), instanceId, blankToNull(remark));
            return "redirect:/approvals/" + instanceId + "?done=withdrawn";
        } catch (LantauException e) {
            return refused(e, instanceId, me, response, model);
        }
    }

    @PostMapping("/{instanceId}/terminate")
    String terminate(@PathVariable String instanceId, @RequestParam(required = false) String remark,
                     HttpServletResponse response, Model model) {
        Person me = Person.current();
        try {
            instances.terminate(me.tenantId(), instanceId, blankToNull(remark));
            return "redirect:/approvals/" + instanceId + "?done=terminated";
        } catch (LantauException e) {
            return refused(e, instanceId, me, response, model);
        }
    }

    /** A file of an approval the person can see; always downloaded, never shown in the page's origin. */
    @GetMapping("/{instanceId}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable String instanceId, @PathVariable String fileId) {
        Person me = Person.current();
        instances.get(me.tenantId(), instanceId);
        ApprovalAttachments.Download download = uploads.download(me.tenantId(), fileId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    @PostMapping("/{instanceId}/comments")
    String comment(@PathVariable String instanceId, @RequestParam(required = false) String text,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        Person me = Person.current();
        try {
            instances.get(me.tenantId(), instanceId);
            List<String> files = uploads.store(me.tenantId(), request, "files").stream()
                    .map(AttachmentRef::fileId).toList();
            instances.comment(me.tenantId(), instanceId, text == null ? "" : text.strip(), files);
            return "redirect:/approvals/" + instanceId + "?done=commented#timeline";
        } catch (LantauException e) {
            return refused(e, instanceId, me, response, model);
        }
    }

    /**
     * A refused action shows the approval again with the reason; what the viewer may not see at all
     * (404) or may not do (403) is the error page.
     */
    private String refused(LantauException e, String instanceId, Person me, HttpServletResponse response,
                           Model model) {
        if (e.status().value() == 404 || e.status().value() == 403) {
            throw e;
        }
        response.setStatus(e.status().value());
        return instancePage.render(model, me, instances.get(me.tenantId(), instanceId),
                PathErrors.of(e, texts, path -> path.equals("text") || path.equals("remark")));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
