package hk.lantau.attendance;

import java.util.List;

/** Shifts. Reading needs {@code attendance.read}, changing {@code attendance.manage}; changes are audited. */
public interface Shifts {

    List<Shift> list(long tenantId);

    Shift get(long tenantId, long shiftId);

    Shift create(long tenantId, ShiftDefinition definition);

    Shift update(long tenantId, long shiftId, ShiftDefinition definition);

    /** Refused while a group uses the shift. */
    void delete(long tenantId, long shiftId);
}
