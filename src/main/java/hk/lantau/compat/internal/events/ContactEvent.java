package hk.lantau.compat.internal.events;

/**
 * DingTalk's contact event types. Within one transaction the stronger event of a person or
 * department replaces a weaker one: a person added and placed in departments is one
 * {@code user_add_org}, a person leaving (whose memberships end first) one {@code user_leave_org}.
 */
enum ContactEvent {
    USER_MODIFY("user_modify_org", Subject.USER, 0),
    USER_ACTIVE("user_active_org", Subject.USER, 1),
    USER_LEAVE("user_leave_org", Subject.USER, 2),
    USER_ADD("user_add_org", Subject.USER, 3),
    DEPT_MODIFY("org_dept_modify", Subject.DEPARTMENT, 0),
    DEPT_CREATE("org_dept_create", Subject.DEPARTMENT, 1),
    DEPT_REMOVE("org_dept_remove", Subject.DEPARTMENT, 2);

    enum Subject { USER, DEPARTMENT }

    private final String wire;
    private final Subject subject;
    private final int strength;

    ContactEvent(String wire, Subject subject, int strength) {
        this.wire = wire;
        this.subject = subject;
        this.strength = strength;
    }

    String wire() {
        return wire;
    }

    /** The member of the data that lists the subject: {@code userId} or {@code deptId}. */
    String idMember() {
        return subject == Subject.USER ? "userId" : "deptId";
    }

    ContactEvent strongest(ContactEvent other) {
        return other.strength > strength ? other : this;
    }
}
