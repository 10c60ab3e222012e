package hk.lantau.messaging.internal.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds and deletes what messaging keeps only for a while, across every organisation, a batch at a time. */
@Component
class RetentionRepository {

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Work notification tasks that finished before the cutoff. */
    List<Long> finishedNotifications(Instant cutoff, int limit) {
        return jdbc.sql("select id from msg_notice_task where status = 2 and finished_at < :cutoff order by id "
                        + "limit :limit")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(Long.class).list();
    }

    /** Deletes the tasks; their recipient and target rows go with them (on delete cascade). */
    int deleteNotifications(List<Long> ids) {
        return jdbc.sql("delete from msg_notice_task where id in (:ids)").param("ids", ids).update();
    }

    /**
     * DINGs whose last event lies before the cutoff: sent or cancelled then, with no reminder still
     * to come, no e-mail or SMS still open, and no confirmation or reminder since.
     */
    List<Long> finishedDings(Instant cutoff, int limit) {
        return jdbc.sql("""
                        select d.id from msg_ding d
                         where d.status in ('SENT', 'CANCELLED')
                           and coalesce(d.cancelled_at, d.sent_at) < :cutoff
                           and not exists (select 1 from msg_ding_recipient r where r.ding_id = d.id
                                  and (r.next_remind_at is not null or r.confirmed_at >= :cutoff
                                       or r.last_reminded_at >= :cutoff))
                           and not exists (select 1 from msg_ding_attempt a where a.ding_id = d.id
                                  and (a.finished_at is null or a.finished_at >= :cutoff))
                         order by d.id limit :limit""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(Long.class).list();
    }

    int deleteDings(List<Long> ids) {
        jdbc.sql("delete from msg_ding_attempt where ding_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from msg_ding_recipient where ding_id in (:ids)").param("ids", ids).update();
        return jdbc.sql("delete from msg_ding where id in (:ids)").param("ids", ids).update();
    }
}
