package hk.lantau.messaging.internal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.directory.DirectoryApiTestSupport;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.SendProgress;
import hk.lantau.messaging.UserEvents;
import hk.lantau.support.Polling;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that stops halfway through a notification leaves its lease and cursor behind: no other
 * node touches the task while the lease holds, and afterwards one carries on where it stopped,
 * reaching everyone exactly once.
 */
class NotificationResumeApiTest extends DirectoryApiTestSupport {

    @Autowired
    NotificationDelivery delivery;

    @Autowired
    NoticeTaskRepository tasks;

    @Autowired
    NoticeRecipientRepository recipients;

    @Autowired
    UserEvents events;

    @Test
    void aTaskLeftHalfDoneByADeadNodeIsFinishedOnceItsLeaseRunsOut() {
        Org org = newOrganisation();
        long tenant = tenantId(org);
        List<String> people = Stream.of("Resume A", "Resume B", "Resume C", "Resume D", "Resume E")
                .map(name -> createUser(org.admin(), name)).sorted().toList();
        MessageAuthor app = new MessageAuthor(MessageAuthor.Kind.APP, "dingresume", "Resume app");
        String content = "{\"kind\":\"text\",\"text\":\"Carry on\"}";
        Instant now = clock.instant();
        long id = tasks.insert(tenant, app, content, ContentCodec.hash(app, content), false, people.size(), List.of(),
                List.of(), SendProgress.NOT_STARTED, now);
        tasks.insertTargets(id, people);
        // The dead node claimed the task, delivered to the first two people and stopped.
        assertThat(tasks.claim(id, "dead-node", now, now.plus(Duration.ofMinutes(2)))).isTrue();
        tasks.start(id, people.size());
        List<String> firstTwo = people.subList(0, 2);
        recipients.insert(tenant, id, firstTwo, NoticeRecipientRepository.DELIVERED, Map.of(), now);
        events.append(tenant, firstTwo, "notification.created", Map.of("id", id));
        tasks.advance(id, firstTwo.get(1), 2, now.plus(Duration.ofMinutes(2)));

        delivery.deliverDue();
        assertThat(status(id)).isEqualTo(SendProgress.RUNNING);
        assertThat(count("select count(*) from msg_notice_recipient where task_id = ?", id)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(3));
        delivery.deliverDue();
        Polling.until("the task is finished", () -> status(id) == SendProgress.DONE);
        for (String person : people) {
            assertThat(count("select count(*) from msg_notice_recipient where task_id = ? and user_id = ?", id, person))
                    .as(person).isEqualTo(1);
            assertThat(count("""
                    select count(*) from msg_stream_event s join msg_event e on e.id = s.event_id
                     where s.tenant_id = ? and s.user_id = ? and e.type = 'notification.created'""", tenant, person))
                    .as(person).isEqualTo(1);
        }
        assertThat(count("select count(*) from msg_notice_target where task_id = ?", id)).isZero();
        assertThat(count("select count(*) from msg_notice_task where id = ? and lease_owner is null", id)).isEqualTo(1);
    }

    private int status(long id) {
        return jdbc.sql("select status from msg_notice_task where id = :id").param("id", id).query(Integer.class)
                .single();
    }
}
