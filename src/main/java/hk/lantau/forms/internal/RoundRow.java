package hk.lantau.forms.internal;

import hk.lantau.approval.FormComponent;
import hk.lantau.forms.RoundStatus;
import hk.lantau.forms.RoundView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored round, with the form as it was when the round opened and how many have answered. */
record RoundRow(long id, long tenantId, long formId, LocalDate date, Instant opensAt, Instant closedAt,
                RoundStatus status, String title, List<FormComponent> form, int expected, int remindersSent,
                String keptSummary, int submitted) {

    RoundView view() {
        return new RoundView(id, formId, title, date, opensAt, closedAt, status, expected, submitted);
    }
}
