package hk.lantau.directory.internal;

import hk.lantau.directory.Audiences;
import hk.lantau.directory.PersonSummary;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.Permission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Bulk reads of who belongs where; one statement per call however many people it covers. */
@Repository
@Transactional(readOnly = true)
class AudienceRepository implements Audiences {

    /** The departments asked for and every department below them. */
    private static final String SUBTREE = """
            with recursive sub (id) as (
                select id from dir_department where tenant_id = :tenantId and id in (:departments)
                union all
                select d.id from dir_department d join sub on d.parent_id = sub.id where d.tenant_id = :tenantId
            )
            """;

    private static final int SUMMARY_CHUNK = 1000;

    private final JdbcClient jdbc;

    AudienceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, UserStatus> statuses(long tenantId, Collection<String> userIds) {
        Map<String, UserStatus> found = new HashMap<>();
        if (userIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select userid, status from dir_user where tenant_id = :tenantId and userid in (:userIds)")
                .param("tenantId", tenantId).param("userIds", userIds)
                .query(rs -> {
                    found.put(rs.getString(1), UserStatus.valueOf(rs.getString(2)));
                });
        return found;
    }

    @Override
    public Map<String, PersonSummary> summaries(long tenantId, Collection<String> userIds) {
        Map<String, PersonSummary> found = new HashMap<>();
        List<String> all = List.copyOf(new HashSet<>(userIds));
        for (int i = 0; i < all.size(); i += SUMMARY_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + SUMMARY_CHUNK));
            Map<String, List<Long>> departments = new HashMap<>();
            jdbc.sql("select userid, department_id from dir_membership where tenant_id = :tenantId "
                            + "and userid in (:userIds) order by department_id")
                    .param("tenantId", tenantId).param("userIds", chunk)
                    .query(rs -> {
                        departments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    });
            jdbc.sql("select userid, name, job_number, status from dir_user where tenant_id = :tenantId "
                            + "and userid in (:userIds)")
                    .param("tenantId", tenantId).param("userIds", chunk)
                    .query(rs -> {
                        String userId = rs.getString(1);
                        found.put(userId, new PersonSummary(userId, rs.getString(2), rs.getString(3),
                                UserStatus.valueOf(rs.getString(4)), departments.getOrDefault(userId, List.of())));
                    });
        }
        return found;
    }

    @Override
    public Set<Long> existingDepartments(long tenantId, Collection<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from dir_department where tenant_id = :tenantId and id in (:ids)")
                .param("tenantId", tenantId).param("ids", departmentIds).query(Long.class).list());
    }

    @Override
    public List<String> activeMembers(long tenantId, Collection<Long> departmentIds, String afterUserId, int limit) {
        String after = afterUserId == null ? "" : afterUserId;
        if (departmentIds.isEmpty()) {
            return jdbc.sql("""
                            select userid from dir_user
                             where tenant_id = :tenantId and status = 'ACTIVE' and userid > :after
                             order by userid limit :limit""")
                    .param("tenantId", tenantId).param("after", after).param("limit", limit)
                    .query(String.class).list();
        }
        return jdbc.sql(SUBTREE + """
                        select u.userid from dir_user u
                         where u.tenant_id = :tenantId and u.status = 'ACTIVE' and u.userid > :after
                           and exists (select 1 from dir_membership m
                                        where m.tenant_id = u.tenant_id and m.userid = u.userid
                                          and m.department_id in (select id from sub))
                         order by u.userid limit :limit""")
                .param("tenantId", tenantId).param("departments", departmentIds).param("after", after)
                .param("limit", limit)
                .query(String.class).list();
    }

    @Override
    public int countActiveMembers(long tenantId, Collection<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return jdbc.sql("select count(*) from dir_user where tenant_id = :tenantId and status = 'ACTIVE'")
                    .param("tenantId", tenantId).query(Integer.class).single();
        }
        return jdbc.sql(SUBTREE + """
                        select count(*) from dir_user u
                         where u.tenant_id = :tenantId and u.status = 'ACTIVE'
                           and exists (select 1 from dir_membership m
                                        where m.tenant_id = u.tenant_id and m.userid = u.userid
                                          and m.department_id in (select id from sub))""")
                .param("tenantId", tenantId).param("departments", departmentIds)
                .query(Integer.class).single();
    }

    @Override
    public List<String> activeHolders(long tenantId, Permission permission) {
        List<String> granting = Arrays.stream(Permission.values())
                .filter(p -> permission.grantedBy(Set.of(p))).map(Permission::key).toList();
        return jdbc.sql("""
                        select distinct u.userid from dir_user u
                          join dir_role_grant g on g.tenant_id = u.tenant_id and g.userid = u.userid
                          join dir_role_permission p on p.tenant_id = g.tenant_id and p.role_key = g.role_key
                         where u.tenant_id = :tenantId and u.status = 'ACTIVE' and p.permission in (:permissions)
                         order by u.userid""")
                .param("tenantId", tenantId).param("permissions", granting)
                .query(String.class).list();
    }

    @Override
    public List<String> activeRoleHolders(long tenantId, String roleKey) {
        return jdbc.sql("""
                        select u.userid from dir_user u
                          join dir_role_grant g on g.tenant_id = u.tenant_id and g.userid = u.userid
                         where u.tenant_id = :tenantId and u.status = 'ACTIVE' and g.role_key = :roleKey
                         order by u.userid""")
                .param("tenantId", tenantId).param("roleKey", roleKey)
                .query(String.class).list();
    }

    @Override
    public List<String> activeWithContractEndingOn(long tenantId, LocalDate date) {
        return jdbc.sql("""
                        select userid from dir_user
                         where tenant_id = :tenantId and status = 'ACTIVE' and contract_end_date = :date
                         order by userid""")
                .param("tenantId", tenantId).param("date", date)
                .query(String.class).list();
    }

    @Override
    public List<String> activeWithHireAnniversaryOn(long tenantId, LocalDate anniversary) {
        List<Integer> days = anniversary.getMonthValue() == 2 && anniversary.getDayOfMonth() == 28
                && !anniversary.isLeapYear() ? List.of(28, 29) : List.of(anniversary.getDayOfMonth());
        return jdbc.sql("""
                        select userid from dir_user
                         where tenant_id = :tenantId and status = 'ACTIVE' and hire_date < :date
                           and extract(month from hire_date) = :month and extract(day from hire_date) in (:days)
                         order by userid""")
                .param("tenantId", tenantId).param("date", anniversary.withDayOfMonth(1).withMonth(1))
                .param("month", anniversary.getMonthValue()).param("days", days)
                .query(String.class).list();
    }
}
