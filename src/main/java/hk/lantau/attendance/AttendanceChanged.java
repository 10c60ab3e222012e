package hk.lantau.attendance;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/**
 * An administrative change of attendance set-up (place, shift, group, holiday, settings, weather
 * signal) or a punch an app recorded for a person, for the audit trail. Never carries coordinates.
 */
public record AttendanceChanged(Long tenantId, String action, String targetType, String targetId,
                                Map<String, Object> changes) implements AuditableEvent {

    public AttendanceChanged {
        changes = Map.copyOf(changes);
    }
}
