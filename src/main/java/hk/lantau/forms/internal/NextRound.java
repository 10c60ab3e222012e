package hk.lantau.forms.internal;

import hk.lantau.forms.ScheduleKind;
import hk.lantau.tenant.Organisations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.stereotype.Component;

/** When a form's next round opens, for the people who design it. */
@Component
class NextRound {

    /** A working-days schedule finds a day within this, whatever the holiday calendar says. */
    private static final int HORIZON_DAYS = 60;

    private final Organisations organisations;
    private final WorkingDays workingDays;

    NextRound(Organisations organisations, WorkingDays workingDays) {
        this.organisations = organisations;
        this.workingDays = workingDays;
    }

    /** The next opening after both now and the schedule's start; null when there is none. */
    Instant after(FormRow form, Instant now) {
        ZoneId zone = organisations.get(form.tenantId()).timeZone();
        Instant after = now.isAfter(form.scheduleFrom()) ? now : form.scheduleFrom();
        if (form.schedule().kind() == ScheduleKind.ONCE) {
            Instant once = Occurrences.at(form.schedule(), form.schedule().date(), zone);
            return once.isAfter(after) ? once : null;
        }
        LocalDate from = after.atZone(zone).toLocalDate();
        LocalDate to = from.plusDays(HORIZON_DAYS);
        Set<LocalDate> holidays = form.schedule().kind() == ScheduleKind.WORKING_DAYS
                ? workingDays.holidays(form.tenantId(), from, to) : Set.of();
        return Occurrences.next(form.schedule(), from, to, zone, after, holidays)
                .map(day -> Occurrences.at(form.schedule(), day, zone)).orElse(null);
    }
}
