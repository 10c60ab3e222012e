package hk.lantau.attendance.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CloseRepository {

    private final JdbcClient jdbc;

    CloseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isClosed(long tenantId, LocalDate day) {
        return jdbc.sql("select count(*) from att_close where tenant_id = :t and work_date = :day")
                .param("t", tenantId).param("day", Sql.date(day)).query(Integer.class).single() > 0;
    }

    /** Takes the date for this transaction; false when it was closed already. */
    boolean claim(long tenantId, LocalDate day, Instant now) {
        return jdbc.sql("""
                insert into att_close (tenant_id, work_date, marked, closed_at)
                select :t, :day, 0, :now where not exists
                       (select 1 from att_close where tenant_id = :t and work_date = :day)""")
                .param("t", tenantId).param("day", Sql.date(day)).param("now", Sql.ts(now)).update() > 0;
    }

    void finish(long tenantId, LocalDate day, int marked) {
        jdbc.sql("update att_close set marked = :marked where tenant_id = :t and work_date = :day")
                .param("t", tenantId).param("day", Sql.date(day)).param("marked", marked).update();
    }
}
