package hk.lantau.forms;

import java.time.Instant;
import java.time.LocalDate;

/** A round: the form's occurrence on {@code date}, how many it asked and how many answered. */
public record RoundView(long id, long formId, String title, LocalDate date, Instant opensAt, Instant closedAt,
                        RoundStatus status, int expected, int submitted) {
}
