package hk.lantau.attendance;

import java.time.Instant;
import java.time.LocalDate;

/** A person clocked in (DingTalk {@code attendance_check_record}). Carries results, never coordinates. */
public record PunchRecorded(long tenantId, long recordId, String userId, LocalDate workDate, CheckType checkType,
                            TimeResult timeResult, LocationResult locationResult, SourceType sourceType,
                            Instant userTime) {
}
