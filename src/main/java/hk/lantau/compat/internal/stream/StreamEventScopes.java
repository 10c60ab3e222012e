package hk.lantau.compat.internal.stream;

import hk.lantau.shared.Scope;
import java.util.Optional;

/** The read scope an app needs to receive an event type; types of other areas are not delivered. */
final class StreamEventScopes {

    private StreamEventScopes() {
    }

    static Optional<Scope> of(String eventType) {
        if (eventType.startsWith("user_") || eventType.startsWith("org_admin_")) {
            return Optional.of(Scope.USER_READ);
        }
        if (eventType.startsWith("org_dept_")) {
            return Optional.of(Scope.DEPARTMENT_READ);
        }
        if (eventType.startsWith("label_")) {
            return Optional.of(Scope.ROLE_READ);
        }
        if (eventType.startsWith("bpms_")) {
            return Optional.of(Scope.APPROVAL_READ);
        }
        if (eventType.startsWith("attendance_") || eventType.startsWith("attend_") || eventType.equals("check_in")) {
            return Optional.of(Scope.ATTENDANCE_READ);
        }
        return Optional.empty();
    }
}
