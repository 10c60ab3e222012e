package hk.lantau.forms.internal;

import hk.lantau.attendance.Holiday;
import hk.lantau.attendance.Holidays;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The organisation's holidays from attendance's calendar, read as the system: a schedule on
 * working days follows the calendar whoever looks at the form.
 */
@Component
class WorkingDays {

    private final Holidays holidays;

    WorkingDays(Holidays holidays) {
        this.holidays = holidays;
    }

    Set<LocalDate> holidays(long tenantId, LocalDate from, LocalDate to) {
        return ActorScope.callAs(Actor.system(tenantId, "forms"), () -> holidays.list(tenantId, from, to))
                .stream().map(Holiday::date).collect(Collectors.toSet());
    }
}
