package hk.lantau.attendance.internal;

import hk.lantau.attendance.PayrollCode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PayrollCodeRepository {

    private final JdbcClient jdbc;

    PayrollCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PayrollCode> list(long tenantId) {
        return jdbc.sql("select userid, payroll_code from att_payroll_code where tenant_id = :t order by userid")
                .param("t", tenantId).query((rs, n) -> new PayrollCode(rs.getString(1), rs.getString(2))).list();
    }

    Map<String, String> all(long tenantId) {
        Map<String, String> codes = new LinkedHashMap<>();
        list(tenantId).forEach(c -> codes.put(c.userId(), c.payrollCode()));
        return codes;
    }

    Optional<String> find(long tenantId, String userId) {
        return jdbc.sql("select payroll_code from att_payroll_code where tenant_id = :t and userid = :u")
                .param("t", tenantId).param("u", userId).query(String.class).optional();
    }

    /** Who holds a code, if anyone. */
    Optional<String> holder(long tenantId, String code) {
        return jdbc.sql("select userid from att_payroll_code where tenant_id = :t and payroll_code = :c")
                .param("t", tenantId).param("c", code).query(String.class).optional();
    }

    void set(long tenantId, String userId, String code, Instant now) {
        int updated = jdbc.sql("""
                        update att_payroll_code set payroll_code = :c, updated_at = :now where tenant_id = :t and userid = :u""")
                .param("t", tenantId).param("u", userId).param("c", code).param("now", Sql.ts(now)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into att_payroll_code (tenant_id, userid, payroll_code, updated_at)
                            values (:t, :u, :c, :now)""")
                    .param("t", tenantId).param("u", userId).param("c", code).param("now", Sql.ts(now)).update();
        }
    }

    int delete(long tenantId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from att_payroll_code where tenant_id = :t and userid in (:u)")
                .param("t", tenantId).param("u", userIds).update();
    }
}
