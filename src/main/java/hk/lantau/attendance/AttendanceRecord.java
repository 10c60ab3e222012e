package hk.lantau.attendance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One result of a person's work date, shaped like DingTalk's attendance record. {@code exemption}
 * is {@code WEATHER_EXEMPT} when a weather signal covers the shift: the time result then records
 * what happened but counts as neither late nor absent. Location fields are {@code null} once the
 * retention period has passed ({@code locationDropped}). A shift on approved leave has a record of
 * source {@code APPROVE} naming the approval ({@code procInstId}) and the leave ({@code approveId}).
 */
public record AttendanceRecord(long id, String userId, LocalDate workDate, CheckType checkType,
                               TimeResult timeResult, LocationResult locationResult, String exemption,
                               SourceType sourceType, Instant planTime, Instant userTime, Long groupId, Long shiftId,
                               Long placeId, Double latitude, Double longitude, Double accuracy, String ssid,
                               String bssid, boolean accuracyPoor, String outsideReason, boolean locationDropped,
                               String procInstId, Long approveId) {

    /** The exemption of a shift a weather signal covers. */
    public static final String WEATHER_EXEMPT = "WEATHER_EXEMPT";
}
