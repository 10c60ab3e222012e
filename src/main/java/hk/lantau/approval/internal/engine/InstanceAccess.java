package hk.lantau.approval.internal.engine;

import hk.lantau.approval.internal.engine.InstanceRepository.InstanceRow;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import org.springframework.stereotype.Component;

/**
 * Who may see an instance: its originator, its approvers (current and past), its CCs and holders
 * of {@code approval.read}. Everyone else gets the same 404 as for an instance that does not exist.
 */
@Component
class InstanceAccess {

    private final InstanceRepository instances;
    private final TaskRepository tasks;

    InstanceAccess(InstanceRepository instances, TaskRepository tasks) {
        this.instances = instances;
        this.tasks = tasks;
    }

    InstanceRow visible(long tenantId, String instanceId) {
        InstanceRow row = instances.find(tenantId, instanceId).orElseThrow(InstanceAccess::notFound);
        check(row);
        return row;
    }

    /** The instance locked for a change, if the caller may see it. */
    InstanceRow lockVisible(long tenantId, String instanceId) {
        InstanceRow row = instances.lock(tenantId, instanceId).orElseThrow(InstanceAccess::notFound);
        check(row);
        return row;
    }

    boolean canSee(InstanceRow row) {
        Actor actor = CurrentActor.get();
        if (actor.can(Permission.APPROVAL_READ)) {
            return true;
        }
        if (actor.kind() != ActorKind.USER) {
            return false;
        }
        String me = actor.userId();
        return me.equals(row.originatorUserId()) || tasks.involved(row.tenantId(), row.instanceId(), me)
                || instances.isCc(row.tenantId(), row.instanceId(), me);
    }

    private void check(InstanceRow row) {
        if (!canSee(row)) {
            throw notFound();
        }
    }

    /**
     * The person a call acts for: a person acts for themselves; an app names the person in
     * {@code actingUserId}.
     */
    static String actingPerson(String actingUserId) {
        Actor actor = CurrentActor.get();
        if (actor.kind() == ActorKind.USER) {
            if (actingUserId != null && !actingUserId.equals(actor.userId())) {
                throw LantauException.forbidden("approval.acting_user_forbidden",
                        "People act for themselves; leave actingUserId out.");
            }
            return actor.userId();
        }
        if (actingUserId == null || actingUserId.isBlank()) {
            throw LantauException.invalidField("actingUserId", "approval.acting_user_missing",
                    "Say on whose behalf the app acts.");
        }
        return actingUserId;
    }

    static LantauException notFound() {
        return LantauException.notFound("approval.instance_not_found", "No such approval.");
    }
}
