package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceChanged;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes attendance's audit events inside the caller's transaction. */
@Component
class Audit {

    private final ApplicationEventPublisher events;

    Audit(ApplicationEventPublisher events) {
        this.events = events;
    }

    void record(long tenantId, String action, String targetType, Object targetId, Map<String, Object> changes) {
        events.publishEvent(new AttendanceChanged(tenantId, action, targetType, String.valueOf(targetId), changes));
    }
}
