package hk.lantau.attendance;

/**
 * Which approval templates are leave and overtime, and which of their fields hold what. A
 * {@code null} leave template means the default: any template carrying the Leave preset's fields
 * (a date range with biz alias {@code period} and a leave type with biz alias {@code leaveType}).
 * A {@code null} overtime template means no overtime is taken from approvals. Range fields are
 * {@code DDDateRangeField}s; the overtime hours field is a {@code NumberField} and, when absent,
 * the hours are the length of the range.
 */
public record LeaveSettings(String leaveProcessCode, String leaveRangeFieldId, String leaveTypeFieldId,
                            String overtimeProcessCode, String overtimeRangeFieldId, String overtimeHoursFieldId) {

    /** The Leave preset's period field. */
    public static final String PRESET_RANGE = "period";
    /** The Leave preset's leave type field. */
    public static final String PRESET_TYPE = "leaveType";

    public static final LeaveSettings DEFAULTS = new LeaveSettings(null, null, null, null, null, null);
}
