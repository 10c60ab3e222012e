package hk.lantau.approval.internal.engine;

import hk.lantau.approval.ApprovalTasks;
import hk.lantau.approval.Decision;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.TaskView;
import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.approval.internal.engine.TaskRepository.TaskRow;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TaskDecisions implements ApprovalTasks {

    private final TaskActions actions;
    private final TaskRepository tasks;
    private final InstanceRepository instances;
    private final InstanceAccess access;
    private final InstanceViews views;
    private final Retrying retrying;

    TaskDecisions(TaskActions actions, TaskRepository tasks, InstanceRepository instances, InstanceAccess access,
                  InstanceViews views, Retrying retrying) {
        this.actions = actions;
        this.tasks = tasks;
        this.instances = instances;
        this.access = access;
        this.views = views;
        this.retrying = retrying;
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<TaskView> mine(long tenantId, boolean pending, String cursor, int limit) {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER) {
            throw LantauException.forbidden("approval.tasks_people_only", "Only people have tasks.");
        }
        Long after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.valueOf(new String(java.util.Base64.getUrlDecoder().decode(cursor.strip()),
                        java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw LantauException.invalidField("cursor", "approval.cursor_invalid", "Pass back a cursor as given.");
            }
        }
        int size = Math.max(1, Math.min(limit, 100));
        List<TaskRow> rows = tasks.mine(tenantId, actor.userId(), pending, after, size + 1);
        Map<String, InstanceRow> byInstance = new HashMap<>();
        List<TaskView> items = rows.stream().limit(size).map(row -> InstanceViews.task(
                byInstance.computeIfAbsent(row.instanceId(), id -> instances.find(tenantId, id).orElseThrow()), row))
                .toList();
        String next = rows.size() > size ? java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.valueOf(rows.get(size - 1).id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
        return new CursorPage<>(items, next);
    }

    @Override
    public InstanceView decide(long tenantId, long taskId, Decision decision) {
        return retrying.inTransaction(() -> {
            TaskActions.Locked locked = actions.lock(tenantId, taskId, this::visible);
            assignee(locked, decision.actingUserId());
            actions.decide(locked, decision.result(), decision.remark(), decision.attachmentIds(),
                    CurrentActor.get().userId(), false);
            return views.view(tenantId, locked.instance().instanceId());
        });
    }

    @Override
    public InstanceView transfer(long tenantId, long taskId, String toUserId, String remark, String actingUserId) {
        return retrying.inTransaction(() -> {
            TaskActions.Locked locked = actions.lock(tenantId, taskId, this::visible);
            String person = assignee(locked, actingUserId);
            actions.transfer(locked, toUserId, remark, person);
            return views.view(tenantId, locked.instance().instanceId());
        });
    }

    private void visible(InstanceRow instance) {
        if (!access.canSee(instance)) {
            throw TaskActions.notFound();
        }
    }

    /** The caller acts for the task's assignee, or is refused. */
    private static String assignee(TaskActions.Locked locked, String actingUserId) {
        String person = InstanceAccess.actingPerson(actingUserId);
        if (!person.equals(locked.task().assignee())) {
            throw LantauException.forbidden("approval.not_assignee", "Only the task's assignee decides it.");
        }
        return person;
    }
}
