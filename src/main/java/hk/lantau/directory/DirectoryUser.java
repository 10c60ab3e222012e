package hk.lantau.directory;

import java.util.List;

/**
 * A person as other modules need them: identity, status and where they sit. Profile details and
 * protected fields are on the directory's own API.
 */
public record DirectoryUser(long tenantId, String userId, String name, String email, String title,
                            UserStatus status, List<Long> departmentIds, String managerUserId) {

    public DirectoryUser {
        departmentIds = List.copyOf(departmentIds);
    }

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }
}
