package hk.lantau.approval.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReminderTimesTest {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final Set<DayOfWeek> SATURDAY = Set.of(DayOfWeek.SATURDAY);
    private static final LocalTime TEN = LocalTime.of(10, 0);

    @Test
    void saturdayTenInHongKongIsTwoInTheMorningUtc() {
        // Friday 2026-11-20 12:00 UTC is Friday 20:00 in Hong Kong.
        Instant friday = Instant.parse("2026-11-20T12:00:00Z");
        assertThat(ReminderTimes.nextAfter(SATURDAY, TEN, HONG_KONG, friday))
                .contains(Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(ReminderTimes.latestAtOrBefore(SATURDAY, TEN, HONG_KONG, friday))
                .contains(Instant.parse("2026-11-14T02:00:00Z"));
    }

    @Test
    void theOccurrenceItselfIsAtOrBeforeAndTheNextIsAWeekLater() {
        Instant at = Instant.parse("2026-11-21T02:00:00Z");
        assertThat(ReminderTimes.latestAtOrBefore(SATURDAY, TEN, HONG_KONG, at)).contains(at);
        assertThat(ReminderTimes.latestAtOrBefore(SATURDAY, TEN, HONG_KONG, at.minusNanos(1000)))
                .contains(Instant.parse("2026-11-14T02:00:00Z"));
        assertThat(ReminderTimes.nextAfter(SATURDAY, TEN, HONG_KONG, at))
                .contains(Instant.parse("2026-11-28T02:00:00Z"));
    }

    @Test
    void aLocalTimeInASpringGapIsReadAsTheFirstInstantAfterIt() {
        ZoneId london = ZoneId.of("Europe/London");
        // 2026-03-29 01:30 does not exist in London: clocks go from 01:00 to 02:00 (01:00 UTC).
        Instant before = Instant.parse("2026-03-28T12:00:00Z");
        assertThat(ReminderTimes.nextAfter(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 30), london, before))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void severalDaysPickTheNearest() {
        Set<DayOfWeek> days = Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        Instant tuesday = Instant.parse("2026-11-17T04:00:00Z");
        assertThat(ReminderTimes.nextAfter(days, LocalTime.of(9, 0), HONG_KONG, tuesday))
                .contains(Instant.parse("2026-11-19T01:00:00Z"));
        assertThat(ReminderTimes.latestAtOrBefore(days, LocalTime.of(9, 0), HONG_KONG, tuesday))
                .contains(Instant.parse("2026-11-16T01:00:00Z"));
    }
}
