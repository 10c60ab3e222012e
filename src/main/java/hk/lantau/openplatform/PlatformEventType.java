package hk.lantau.openplatform;

import hk.lantau.shared.Scope;
import java.util.Arrays;
import java.util.Optional;

/**
 * The platform events apps can subscribe to. The key and version are the stable wire contract;
 * a subscriber needs {@link Scope#EVENT_SUBSCRIBE} and the type's read scope. A new type is a
 * constant here, a listener that maps its domain event, and its example in docs/webhooks.md.
 */
public enum PlatformEventType {
    USER_CREATED("user.created", 1, Scope.USER_READ, "A person was added, one by one or by an import"),
    USER_UPDATED("user.updated", 1, Scope.USER_READ,
            "A person's profile, status (suspended, reactivated) or departments changed"),
    USER_LEFT("user.left", 1, Scope.USER_READ, "A person left the organisation"),
    DEPARTMENT_CREATED("department.created", 1, Scope.DEPARTMENT_READ, "A department was created"),
    DEPARTMENT_UPDATED("department.updated", 1, Scope.DEPARTMENT_READ,
            "A department was renamed, moved or reordered"),
    DEPARTMENT_REMOVED("department.removed", 1, Scope.DEPARTMENT_READ,
            "A department was deleted, or a virtual one dissolved"),
    APPROVAL_SUBMITTED("approval.submitted", 1, Scope.APPROVAL_READ, "Someone submitted an approval"),
    APPROVAL_TASK_ASSIGNED("approval.task.assigned", 1, Scope.APPROVAL_READ,
            "An approval task was given to someone: a step began, or a task was transferred or escalated"),
    APPROVAL_TASK_FINISHED("approval.task.finished", 1, Scope.APPROVAL_READ,
            "An approval task was decided, transferred or cancelled"),
    APPROVAL_FINISHED("approval.finished", 1, Scope.APPROVAL_READ,
            "An approval was completed (agreed or refused), terminated or withdrawn"),
    ATTENDANCE_PUNCH_RECORDED("attendance.punch.recorded", 1, Scope.ATTENDANCE_READ,
            "A person clocked in or out, or an app clocked them in"),
    ATTENDANCE_DAY_CLOSED("attendance.day.closed", 1, Scope.ATTENDANCE_READ,
            "The daily close finished a work date, marking missing punches");

    private final String key;
    private final int version;
    private final Scope readScope;
    private final String description;

    PlatformEventType(String key, int version, Scope readScope, String description) {
        this.key = key;
        this.version = version;
        this.readScope = readScope;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The version of the type's {@code data}; it changes only when a field is removed or changes meaning. */
    public int version() {
        return version;
    }

    /** The scope that lets an app read what this event is about. */
    public Scope readScope() {
        return readScope;
    }

    public String description() {
        return description;
    }

    public static Optional<PlatformEventType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
