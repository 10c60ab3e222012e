package hk.lantau.attendance.internal;

import hk.lantau.attendance.Holiday;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class HolidayRepository {

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, LocalDate day, String name, String source, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into att_holiday (tenant_id, holiday_date, name, source, created_at) values (:t, :day, :name, :source, :now)")
                .param("t", tenantId).param("day", Sql.date(day)).param("name", name).param("source", source)
                .param("now", Sql.ts(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean exists(long tenantId, LocalDate day) {
        return jdbc.sql("select count(*) from att_holiday where tenant_id = :t and holiday_date = :day")
                .param("t", tenantId).param("day", Sql.date(day)).query(Integer.class).single() > 0;
    }

    Optional<Holiday> find(long tenantId, long id) {
        return jdbc.sql("select id, holiday_date, name, source from att_holiday where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(HolidayRepository::map).optional();
    }

    List<Holiday> list(long tenantId, LocalDate from, LocalDate to) {
        return jdbc.sql("select id, holiday_date, name, source from att_holiday where tenant_id = :t and holiday_date between :from and :to order by holiday_date")
                .param("t", tenantId).param("from", Sql.date(from)).param("to", Sql.date(to))
                .query(HolidayRepository::map).list();
    }

    void delete(long tenantId, long id) {
        jdbc.sql("delete from att_holiday where tenant_id = :t and id = :id").param("t", tenantId).param("id", id).update();
    }

    private static Holiday map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Holiday(rs.getLong("id"), rs.getDate("holiday_date").toLocalDate(), rs.getString("name"), rs.getString("source"));
    }
}
