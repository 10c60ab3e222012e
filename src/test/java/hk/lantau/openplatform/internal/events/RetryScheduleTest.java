package hk.lantau.openplatform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1),
            new Random(42));
    private final Instant start = Instant.parse("2026-11-21T02:00:00Z");

    @Test
    void theCeilingDoublesUpToTheCap() {
        assertThat(schedule.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.ceiling(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(schedule.ceiling(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(schedule.ceiling(10)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.ceiling(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void eachDelayIsRandomBetweenOneSecondAndTheCeiling() {
        Instant giveUpAt = start.plus(Duration.ofDays(1));
        for (int failures = 1; failures < 40; failures++) {
            for (int i = 0; i < 50; i++) {
                Duration delay = Duration.between(start, schedule.next(failures, start, giveUpAt));
                assertThat(delay).isBetween(Duration.ofSeconds(1), schedule.ceiling(failures));
            }
        }
    }

    @Test
    void retriesLastAtTheDeadlineAndEndThere() {
        Instant giveUpAt = start.plus(Duration.ofDays(1));
        Instant at = start;
        int failures = 0;
        while (!RetrySchedule.exhausted(at, giveUpAt)) {
            failures++;
            Instant next = schedule.next(failures, at, giveUpAt);
            assertThat(next).isAfter(at).isBeforeOrEqualTo(giveUpAt);
            at = next;
        }
        assertThat(at).isEqualTo(giveUpAt);
        assertThat(failures).as("attempts in 24 hours").isBetween(20, 200);
    }
}
