package hk.lantau.openplatform.internal.events;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.DepartmentCreated;
import hk.lantau.directory.DepartmentDeleted;
import hk.lantau.directory.DepartmentDissolved;
import hk.lantau.directory.DepartmentMoved;
import hk.lantau.directory.DepartmentRenamed;
import hk.lantau.directory.DepartmentReordered;
import hk.lantau.directory.MembershipChanged;
import hk.lantau.directory.UserCreated;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.directory.UserUpdated;
import hk.lantau.openplatform.PlatformEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The directory's domain events as platform events. Synchronous listeners, so the platform event
 * is written in the directory's transaction. {@code data} carries identifiers and unprotected
 * fields; a protected field appears only by name in {@code changedFields}, never with a value.
 * A bulk import needs no mapping of its own: each person it adds has their own UserCreated.
 */
@Component
class DirectoryEvents {

    private static final Set<String> PROTECTED = Arrays.stream(ProtectedField.values()).map(ProtectedField::key)
            .collect(Collectors.toUnmodifiableSet());

    private final EventOutbox outbox;

    DirectoryEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(UserCreated e) {
        outbox.publish(e.tenantId(), PlatformEventType.USER_CREATED,
                data("userId", e.userId(), "name", e.name(), "departmentIds", e.departmentIds()));
    }

    @EventListener
    void on(UserUpdated e) {
        Map<String, Object> changes = new LinkedHashMap<>();
        e.changes().forEach((field, change) -> {
            if (!PROTECTED.contains(field) && change instanceof Map<?, ?>) {
                changes.put(field, change);
            }
        });
        outbox.publish(e.tenantId(), PlatformEventType.USER_UPDATED, data("userId", e.userId(),
                "changedFields", new ArrayList<>(e.changes().keySet()), "changes", changes));
    }

    @EventListener
    void on(UserStatusChanged e) {
        if (e.to() == UserStatus.LEFT) {
            outbox.publish(e.tenantId(), PlatformEventType.USER_LEFT, data("userId", e.userId()));
        } else {
            outbox.publish(e.tenantId(), PlatformEventType.USER_UPDATED, data("userId", e.userId(),
                    "changedFields", List.of("status"),
                    "changes", Map.of("status", fromTo(e.from().name(), e.to().name()))));
        }
    }

    @EventListener
    void on(MembershipChanged e) {
        boolean added = e.change() == MembershipChanged.Change.ADDED;
        Map<String, Object> departments = data("added", added ? List.of(e.departmentId()) : List.of(),
                "removed", added ? List.of() : List.of(e.departmentId()));
        outbox.publish(e.tenantId(), PlatformEventType.USER_UPDATED, data("userId", e.userId(),
                "changedFields", List.of("departmentIds"), "changes", Map.of("departmentIds", departments)));
    }

    @EventListener
    void on(DepartmentCreated e) {
        outbox.publish(e.tenantId(), PlatformEventType.DEPARTMENT_CREATED, data("departmentId", e.departmentId(),
                "name", e.name(), "parentId", e.parentId(), "virtual", e.virtual()));
    }

    @EventListener
    void on(DepartmentRenamed e) {
        departmentUpdated(e.tenantId(), e.departmentId(), "name", e.from(), e.to());
    }

    @EventListener
    void on(DepartmentMoved e) {
        departmentUpdated(e.tenantId(), e.departmentId(), "parentId", e.fromParentId(), e.toParentId());
    }

    @EventListener
    void on(DepartmentReordered e) {
        departmentUpdated(e.tenantId(), e.departmentId(), "order", e.from(), e.to());
    }

    @EventListener
    void on(DepartmentDeleted e) {
        outbox.publish(e.tenantId(), PlatformEventType.DEPARTMENT_REMOVED, data("departmentId", e.departmentId(),
                "name", e.name(), "virtual", false, "removedUserIds", List.of()));
    }

    @EventListener
    void on(DepartmentDissolved e) {
        outbox.publish(e.tenantId(), PlatformEventType.DEPARTMENT_REMOVED, data("departmentId", e.departmentId(),
                "name", e.name(), "virtual", true, "removedUserIds", e.removedUserIds()));
    }

    private void departmentUpdated(Long tenantId, long departmentId, String field, Object from, Object to) {
        outbox.publish(tenantId, PlatformEventType.DEPARTMENT_UPDATED, data("departmentId", departmentId,
                "changedFields", List.of(field), "changes", Map.of(field, fromTo(from, to))));
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        return data("from", from, "to", to);
    }

    /** An ordered map of alternating keys and values; values may be {@code null}. */
    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
