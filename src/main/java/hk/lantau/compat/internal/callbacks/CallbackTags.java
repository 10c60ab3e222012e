package hk.lantau.compat.internal.callbacks;

import hk.lantau.shared.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The event types an app may register, and the scope an app needs to receive each. */
final class CallbackTags {

    private static final Map<String, Scope> SCOPES = new LinkedHashMap<>();

    static {
        for (String tag : new String[] {"user_add_org", "user_modify_org", "user_leave_org", "user_active_org"}) {
            SCOPES.put(tag, Scope.USER_READ);
        }
        for (String tag : new String[] {"org_dept_create", "org_dept_modify", "org_dept_remove"}) {
            SCOPES.put(tag, Scope.DEPARTMENT_READ);
        }
        SCOPES.put("bpms_instance_change", Scope.APPROVAL_READ);
        SCOPES.put("bpms_task_change", Scope.APPROVAL_READ);
        SCOPES.put("attendance_check_record", Scope.ATTENDANCE_READ);
    }

    private CallbackTags() {
    }

    static Optional<Scope> scope(String tag) {
        return Optional.ofNullable(SCOPES.get(tag));
    }
}
