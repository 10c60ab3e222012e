package hk.lantau.messaging;

/** A member's standing in a group: the owner and admins manage it (members, name, robots). */
public enum MemberRole {
    OWNER, ADMIN, MEMBER;

    public boolean manages() {
        return this != MEMBER;
    }
}
