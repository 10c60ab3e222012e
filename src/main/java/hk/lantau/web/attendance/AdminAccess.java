package hk.lantau.web.attendance;

import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * What the attendance admin pages share: who may use them (set-up needs attendance.manage, reports
 * and exports attendance.read) and reading numbers typed into a form, so a typo is named at its
 * field instead of being taken as empty.
 */
final class AdminAccess {

    private AdminAccess() {
    }

    /** The organisation of a person who may change the attendance set-up; 403 otherwise. */
    static long manager() {
        return CurrentActor.require(Permission.ATTENDANCE_MANAGE).requireTenant();
    }

    /** The organisation of a person who may read everyone's attendance; 403 otherwise. */
    static long reader() {
        return CurrentActor.require(Permission.ATTENDANCE_READ).requireTenant();
    }

    static boolean canManage() {
        return CurrentActor.get().can(Permission.ATTENDANCE_MANAGE);
    }

    /** A whole number, null when left empty; text that is not one adds a violation with the module's code. */
    static Integer integer(String text, String field, String code, List<FieldViolation> bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            bad.add(new FieldViolation(field, code, "Give a whole number."));
            return null;
        }
    }

    /** A decimal number, null when empty or unreadable (the module then names the field). */
    static Double decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Refuses the form when some of its text could not be read. */
    static void check(String code, List<FieldViolation> bad) {
        if (!bad.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, code, "Some values are not valid.", bad);
        }
    }
}
