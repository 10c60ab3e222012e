package hk.lantau.messaging.internal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.SendProgress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percent follows the people handled while running, never claims 100 before the end, and is 100 when done. */
class NotificationProgressTest {

    @Test
    void percentFollowsThePeopleHandled() {
        assertThat(NotificationService.progress(task(SendProgress.NOT_STARTED, 0, 0)))
                .isEqualTo(new SendProgress(0, 0));
        assertThat(NotificationService.progress(task(SendProgress.RUNNING, 4000, 1000)))
                .isEqualTo(new SendProgress(1, 25));
        assertThat(NotificationService.progress(task(SendProgress.RUNNING, 4000, 4000)))
                .isEqualTo(new SendProgress(1, 99));
        assertThat(NotificationService.progress(task(SendProgress.RUNNING, 100, 150)))
                .isEqualTo(new SendProgress(1, 99));
        assertThat(NotificationService.progress(task(SendProgress.RUNNING, 0, 0)))
                .isEqualTo(new SendProgress(1, 0));
        assertThat(NotificationService.progress(task(SendProgress.DONE, 100, 80)))
                .isEqualTo(new SendProgress(2, 100));
    }

    private static TaskRow task(int status, int estimated, int processed) {
        return new TaskRow(1, 1, new MessageAuthor(MessageAuthor.Kind.APP, "dingapp", "App"), "{}", "hash", true, 0,
                List.of(), List.of(), status, estimated, processed, null, Instant.EPOCH, null, null);
    }
}
