/**
 * Attendance: places with a geofence and Wi-Fi networks, shifts, attendance groups, the holiday
 * calendar, clock-ins with DingTalk's result values, the daily close that marks missing punches,
 * and Hong Kong's typhoon and rainstorm exemptions. Locations are single points kept only for the
 * organisation's retention period. See docs/attendance.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attendance")
package hk.lantau.attendance;
