package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A person was added to or removed from a department; {@code selfJoin} when they added themselves. */
public record MembershipChanged(Long tenantId, long departmentId, String userId, Change change, boolean leader,
                                boolean selfJoin) implements AuditableEvent {

    public enum Change { ADDED, REMOVED }

    @Override
    public String action() {
        return change == Change.ADDED ? "directory.membership.added" : "directory.membership.removed";
    }

    @Override
    public String targetType() {
        return "department";
    }

    @Override
    public String targetId() {
        return String.valueOf(departmentId);
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("userId", userId, "leader", leader, "selfJoin", selfJoin);
    }
}
