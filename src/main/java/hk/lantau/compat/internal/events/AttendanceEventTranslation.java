package hk.lantau.compat.internal.events;

import hk.lantau.attendance.PunchRecorded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A clock-in as DingTalk's {@code attendance_check_record}: a {@code DataList} of one record with
 * DingTalk's {@code userId}, {@code checkTime} (milliseconds), {@code corpId} and {@code bizId}
 * (the record's id). The punch's place is not sent: Lantau keeps coordinates only on the record,
 * for a limited time, and never in events, so {@code address}, {@code latitude},
 * {@code longitude} and {@code locationMethod} are absent, as is {@code groupId}. The results
 * DingTalk's {@code /attendance/list} names ({@code checkType}, {@code timeResult},
 * {@code locationResult}, {@code sourceType}) are added, so a receiver need not call back for them.
 */
@Component
class AttendanceEventTranslation {

    static final String CHECK_RECORD = "attendance_check_record";

    private final DingTalkEvents events;

    AttendanceEventTranslation(DingTalkEvents events) {
        this.events = events;
    }

    @EventListener
    void on(PunchRecorded e) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("userId", e.userId());
        record.put("checkTime", e.userTime().toEpochMilli());
        record.put("corpId", events.corpId(e.tenantId()));
        record.put("bizId", Long.toString(e.recordId()));
        record.put("checkType", e.checkType().wire());
        if (e.timeResult() != null) {
            record.put("timeResult", e.timeResult().wire());
        }
        if (e.locationResult() != null) {
            record.put("locationResult", e.locationResult().wire());
        }
        record.put("sourceType", e.sourceType().name());
        events.raise(e.tenantId(), CHECK_RECORD, events.now(), Map.of("DataList", List.of(record)));
    }
}
