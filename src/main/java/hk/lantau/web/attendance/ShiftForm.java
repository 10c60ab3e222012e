package hk.lantau.web.attendance;

import hk.lantau.attendance.Shift;
import hk.lantau.attendance.ShiftDefinition;
import hk.lantau.shared.FieldViolation;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/** A shift as the form posts it; minutes as typed so they come back unchanged when refused. */
record ShiftForm(String name, String onTime, String offTime, String flexibleMinutes, String seriousLateMinutes,
                 String absentLateMinutes, List<DayOfWeek> workingDays) {

    private static final String THRESHOLD = "attendance.threshold_invalid";

    ShiftForm {
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }

    static ShiftForm empty() {
        return new ShiftForm("", "09:00", "18:00", "5", "30", "", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    }

    static ShiftForm of(Shift shift) {
        return new ShiftForm(shift.name(), shift.onTime().toString(), shift.offTime().toString(),
                String.valueOf(shift.flexibleMinutes()), String.valueOf(shift.seriousLateMinutes()),
                shift.absentLateMinutes() == null ? "" : String.valueOf(shift.absentLateMinutes()), shift.workingDays());
    }

    public boolean works(DayOfWeek day) {
        return workingDays.contains(day);
    }

    /** The definition; minutes that are not whole numbers are refused at their field first. */
    ShiftDefinition toDefinition() {
        List<FieldViolation> bad = new ArrayList<>();
        Integer flexible = AdminAccess.integer(flexibleMinutes, "flexibleMinutes", THRESHOLD, bad);
        Integer serious = AdminAccess.integer(seriousLateMinutes, "seriousLateMinutes", THRESHOLD, bad);
        Integer absent = AdminAccess.integer(absentLateMinutes, "absentLateMinutes", THRESHOLD, bad);
        AdminAccess.check("attendance.shift_invalid", bad);
        return new ShiftDefinition(name, onTime, offTime, flexible, serious, absent, workingDays);
    }
}
