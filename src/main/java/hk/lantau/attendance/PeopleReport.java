package hk.lantau.attendance;

import java.time.LocalDate;
import java.util.List;

/** Figures per person for the work dates from {@code from} to {@code to}, both included, in userid order. */
public record PeopleReport(LocalDate from, LocalDate to, List<PersonFigures> people) {

    public PeopleReport {
        people = List.copyOf(people);
    }
}
