package hk.lantau.attendance;

import java.time.LocalDate;
import java.util.List;

/** Clock-ins and the records they make. */
public interface Punches {

    /**
     * Records a punch for the calling person, or for {@code punch.userId()} when an app with
     * {@code attendance.write} calls (audited). The first punch of a work date is on-duty, later ones
     * off-duty (a later off-duty punch replaces an earlier one).
     */
    AttendanceRecord punch(long tenantId, Punch punch);

    /** The calling person's records of work dates from {@code from} to {@code to}, both included. */
    List<AttendanceRecord> mine(long tenantId, LocalDate from, LocalDate to);

    /** Anyone's records; needs {@code attendance.read}. At most 62 days. */
    List<AttendanceRecord> records(long tenantId, String userId, LocalDate from, LocalDate to);

    /**
     * The records of up to 100 people for work dates from {@code from} to {@code to} (at most 31
     * days), ordered by work date, person and check type; needs {@code attendance.read}. 404
     * {@code attendance.user_not_found} when one of them is not of the organisation.
     */
    List<AttendanceRecord> recordsOf(long tenantId, List<String> userIds, LocalDate from, LocalDate to);
}
