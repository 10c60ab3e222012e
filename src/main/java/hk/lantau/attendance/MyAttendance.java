package hk.lantau.attendance;

import java.time.YearMonth;
import java.util.Optional;

/**
 * What a person sees of their own attendance: the shift and places they clock in under today and
 * a month of their results. Only the calling person, never anyone else; no permission is needed.
 */
public interface MyAttendance {

    /** The caller's current work date in the organisation's zone with its shift, places and records. */
    MyDay today(long tenantId);

    /**
     * The caller's work dates of a month with holidays, approved leave, and the figures the
     * people report gives for them over the same dates.
     */
    MyMonth month(long tenantId, YearMonth month);

    /** The place of the caller's group nearest to a point, with the distance in metres. */
    Optional<PlaceDistance> nearest(long tenantId, double latitude, double longitude);
}
