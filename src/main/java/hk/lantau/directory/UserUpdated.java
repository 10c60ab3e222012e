package hk.lantau.directory;

import hk.lantau.shared.AuditableEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's profile changed. Plain fields map to {@code {from, to}}; protected fields map only to
 * {@code "changed"} or {@code "cleared"}, never to a value.
 */
public record UserUpdated(Long tenantId, String userId, Map<String, Object> changes) implements AuditableEvent {

    public UserUpdated {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    @Override
    public String action() {
        return "directory.user.updated";
    }

    @Override
    public String targetType() {
        return "user";
    }

    @Override
    public String targetId() {
        return userId;
    }
}
