package hk.lantau.attendance;

import java.time.LocalDate;

/** A day nobody in the organisation is expected to work; {@code source} is {@code manual} or {@code ical}. */
public record Holiday(long id, LocalDate date, String name, String source) {
}
