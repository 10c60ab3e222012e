package hk.lantau.openplatform.internal.events;

import hk.lantau.attendance.DayClosed;
import hk.lantau.attendance.PunchRecorded;
import hk.lantau.openplatform.PlatformEventType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Attendance's events as platform events: a punch in the shape of DingTalk's
 * {@code attendance_check_record} results, and the daily close of a work date. Synchronous, so they
 * are written in the punch's or the close's transaction. A punch carries its results, never the
 * location it was made at.
 */
@Component
class AttendanceEvents {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final EventOutbox outbox;

    AttendanceEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PunchRecorded e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordId", e.recordId());
        data.put("userId", e.userId());
        data.put("workDate", e.workDate().toString());
        data.put("checkType", e.checkType().wire());
        data.put("timeResult", e.timeResult().wire());
        data.put("locationResult", e.locationResult().wire());
        data.put("sourceType", e.sourceType().name());
        data.put("userCheckTime", TIME.format(e.userTime().atOffset(ZoneOffset.UTC)));
        outbox.publish(e.tenantId(), PlatformEventType.ATTENDANCE_PUNCH_RECORDED, data);
    }

    @EventListener
    void on(DayClosed e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workDate", e.workDate().toString());
        data.put("markedRecords", e.marked());
        outbox.publish(e.tenantId(), PlatformEventType.ATTENDANCE_DAY_CLOSED, data);
    }
}
