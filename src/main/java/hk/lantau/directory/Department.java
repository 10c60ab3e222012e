package hk.lantau.directory;

import java.time.Instant;

/**
 * A department. The root has id {@link Directory#ROOT_DEPARTMENT_ID} and no parent; a virtual
 * department groups people for a project without moving them out of their real departments.
 */
public record Department(long id, Long parentId, String name, int order, boolean virtual, Instant createdAt,
                         Instant updatedAt) {

    public boolean root() {
        return id == Directory.ROOT_DEPARTMENT_ID;
    }
}
