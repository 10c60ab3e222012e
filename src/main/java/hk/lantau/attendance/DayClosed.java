package hk.lantau.attendance;

import java.time.LocalDate;

/** The daily close finished a work date of an organisation, marking {@code marked} missing punches. */
public record DayClosed(long tenantId, LocalDate workDate, int marked) {
}
