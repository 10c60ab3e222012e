package hk.lantau.attendance;

import java.time.LocalDate;
import java.util.List;

/** The organisation's holiday calendar. Reading needs {@code attendance.read}, changing {@code attendance.manage}. */
public interface Holidays {

    List<Holiday> list(long tenantId, LocalDate from, LocalDate to);

    Holiday add(long tenantId, LocalDate date, String name);

    void delete(long tenantId, long holidayId);

    /**
     * Adds the all-day events of an iCalendar file (RFC 5545), such as the general holidays the
     * Hong Kong government publishes. Days already in the calendar are left as they are. Nothing is
     * added when the file cannot be read.
     */
    HolidayImport importCalendar(long tenantId, String icalendar);

    record HolidayImport(List<Holiday> added, List<LocalDate> alreadyPresent) {

        public HolidayImport {
            added = List.copyOf(added);
            alreadyPresent = List.copyOf(alreadyPresent);
        }
    }
}
