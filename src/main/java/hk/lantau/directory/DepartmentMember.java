package hk.lantau.directory;

/** A person as listed in one department. */
public record DepartmentMember(String userId, String name, String title, UserStatus status, boolean leader,
                               int order) {
}
