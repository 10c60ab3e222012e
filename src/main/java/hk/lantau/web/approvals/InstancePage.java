package hk.lantau.web.approvals;

import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.TaskStatus;
import hk.lantau.approval.TaskView;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.Person;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The model of one approval's page: its values, its history with names, and the viewer's actions. */
@Component
class InstancePage {

    private final People people;
    private final Colleagues colleagues;

    InstancePage(People people, Colleagues colleagues) {
        this.people = people;
        this.colleagues = colleagues;
    }

    String render(Model model, Person me, InstanceView instance, PathErrors errors) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(instance.originatorUserId());
        instance.operationRecords().forEach(r -> {
            ids.add(r.userId());
            ids.addAll(r.ccUserIds());
        });
        instance.tasks().forEach(t -> ids.add(t.userId()));
        ids.addAll(instance.ccUserIds());
        instance.formValues().forEach(v -> {
            if (v.componentType() == ComponentType.InnerContactField) {
                ids.addAll(ShownValue.of(v, Map.of(), Map.of()).items());
            }
        });
        Map<String, String> names = people.names(me.tenantId(), ids);
        Map<Long, String> departments = people.departmentNames(me.tenantId());
        boolean running = instance.status() == InstanceStatus.RUNNING;
        List<TaskView> myTasks = instance.tasks().stream()
                .filter(t -> t.status() == TaskStatus.RUNNING && me.userId().equals(t.userId())).toList();
        List<TaskView> current = instance.tasks().stream().filter(t -> t.status() == TaskStatus.RUNNING).toList();
        model.addAttribute("instance", instance);
        Map<String, AttachmentRef> files = new java.util.HashMap<>();
        instance.operationRecords().forEach(r -> r.attachments().forEach(a -> files.put(a.fileId(), a)));
        model.addAttribute("values", instance.formValues().stream()
                .map(v -> v.componentType() == ComponentType.DDAttachment ? ShownValue.files(v, files)
                        : ShownValue.of(v, names, departments)).toList());
        model.addAttribute("records", instance.operationRecords());
        model.addAttribute("current", current);
        model.addAttribute("myTasks", myTasks);
        model.addAttribute("names", names);
        model.addAttribute("department", departments.get(instance.originatorDepartmentId()));
        model.addAttribute("canWithdraw", running && me.userId().equals(instance.originatorUserId()));
        model.addAttribute("canTerminate", running && CurrentActor.get().can(Permission.APPROVAL_MANAGE));
        model.addAttribute("colleagues", myTasks.isEmpty() ? List.of() : colleagues.of(me, null));
        model.addAttribute("errors", errors);
        return "approvals/instance";
    }
}
