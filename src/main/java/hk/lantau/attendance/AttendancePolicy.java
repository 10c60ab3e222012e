package hk.lantau.attendance;

/** The organisation's attendance settings and each person's acknowledgement of its monitoring notice. */
public interface AttendancePolicy {

    /** Needs {@code attendance.read}. */
    AttendanceSettings settings(long tenantId);

    /** Needs {@code attendance.manage}; a changed notice text is a new version. */
    AttendanceSettings change(long tenantId, SettingsChange change);

    /** How many people acknowledged the current version of the notice; needs {@code attendance.read}. */
    int acknowledgements(long tenantId);

    /** The current notice for the calling person; 404 {@code attendance.notice_missing} when none is published. */
    MonitoringNotice notice(long tenantId);

    /** The calling person acknowledges a version; only the current one is accepted. */
    MonitoringNotice acknowledge(long tenantId, int version);
}
