package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.GroupDefinition;
import hk.lantau.attendance.OutsidePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class GroupRepository {

    static final String USER = "USER";
    static final String DEPARTMENT = "DEPARTMENT";

    private final JdbcClient jdbc;

    GroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, GroupDefinition d, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into att_group (tenant_id, name, shift_id, outside_policy, accuracy_limit_m, created_at, updated_at)
                values (:t, :name, :shift, :policy, :accuracy, :now, :now)""")
                .param("t", tenantId).param("name", d.name()).param("shift", d.shiftId())
                .param("policy", d.outsidePolicy().name()).param("accuracy", d.accuracyLimitMeters())
                .param("now", Sql.ts(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        insertParts(tenantId, id, d);
        return id;
    }

    void update(long tenantId, long id, GroupDefinition d, Instant now) {
        jdbc.sql("""
                update att_group set name = :name, shift_id = :shift, outside_policy = :policy,
                       accuracy_limit_m = :accuracy, updated_at = :now
                 where tenant_id = :t and id = :id""")
                .param("t", tenantId).param("id", id).param("name", d.name()).param("shift", d.shiftId())
                .param("policy", d.outsidePolicy().name()).param("accuracy", d.accuracyLimitMeters())
                .param("now", Sql.ts(now)).update();
        for (String table : List.of("att_group_location", "att_group_member")) {
            jdbc.sql("delete from " + table + " where tenant_id = :t and group_id = :id")
                    .param("t", tenantId).param("id", id).update();
        }
        insertParts(tenantId, id, d);
    }

    private void insertParts(long tenantId, long id, GroupDefinition d) {
        for (long place : d.placeIds()) {
            jdbc.sql("insert into att_group_location (tenant_id, group_id, location_id) values (:t, :g, :l)")
                    .param("t", tenantId).param("g", id).param("l", place).update();
        }
        for (String user : d.userIds()) {
            insertMember(tenantId, id, USER, user);
        }
        for (long department : d.departmentIds()) {
            insertMember(tenantId, id, DEPARTMENT, Long.toString(department));
        }
    }

    private void insertMember(long tenantId, long groupId, String type, String memberId) {
        jdbc.sql("insert into att_group_member (tenant_id, group_id, member_type, member_id) values (:t, :g, :type, :m)")
                .param("t", tenantId).param("g", groupId).param("type", type).param("m", memberId).update();
    }

    void delete(long tenantId, long id) {
        jdbc.sql("delete from att_group where tenant_id = :t and id = :id").param("t", tenantId).param("id", id).update();
    }

    /** The group other than {@code exceptGroupId} that names this member, if any. */
    Optional<Long> groupNaming(long tenantId, String type, String memberId, long exceptGroupId) {
        return jdbc.sql("""
                select group_id from att_group_member
                 where tenant_id = :t and member_type = :type and member_id = :m and group_id <> :g""")
                .param("t", tenantId).param("type", type).param("m", memberId).param("g", exceptGroupId)
                .query(Long.class).optional();
    }

    /** The group naming a person directly. */
    Optional<Long> groupOfUser(long tenantId, String userId) {
        return jdbc.sql("select group_id from att_group_member where tenant_id = :t and member_type = 'USER' and member_id = :u")
                .param("t", tenantId).param("u", userId).query(Long.class).optional();
    }

    /** Department id to the group naming it, for every named department. */
    Map<Long, Long> departmentGroups(long tenantId) {
        Map<Long, Long> groups = new HashMap<>();
        jdbc.sql("select member_id, group_id from att_group_member where tenant_id = :t and member_type = 'DEPARTMENT'")
                .param("t", tenantId)
                .query(rs -> {
                    groups.put(Long.parseLong(rs.getString("member_id")), rs.getLong("group_id"));
                });
        return groups;
    }

    /** Userid to the group naming the person, for every named person. */
    Map<String, Long> userGroups(long tenantId) {
        Map<String, Long> groups = new HashMap<>();
        jdbc.sql("select member_id, group_id from att_group_member where tenant_id = :t and member_type = 'USER'")
                .param("t", tenantId)
                .query(rs -> {
                    groups.put(rs.getString("member_id"), rs.getLong("group_id"));
                });
        return groups;
    }

    Optional<GroupRow> find(long tenantId, long id) {
        return rows(tenantId, id).stream().findFirst();
    }

    List<GroupRow> list(long tenantId) {
        return rows(tenantId, null);
    }

    private List<GroupRow> rows(long tenantId, Long id) {
        var spec = jdbc.sql("select id, name, shift_id, outside_policy, accuracy_limit_m, created_at from att_group "
                + "where tenant_id = :t" + (id == null ? "" : " and id = :id") + " order by id").param("t", tenantId);
        if (id != null) {
            spec = spec.param("id", id);
        }
        List<GroupRow> groups = spec.query((rs, n) -> new GroupRow(rs.getLong("id"), rs.getString("name"),
                rs.getLong("shift_id"), OutsidePolicy.valueOf(rs.getString("outside_policy")),
                rs.getInt("accuracy_limit_m"), Sql.instant(rs, "created_at"))).list();
        return groups;
    }

    AttendanceGroup view(long tenantId, GroupRow g) {
        List<Long> places = jdbc.sql("select location_id from att_group_location where tenant_id = :t and group_id = :g order by location_id")
                .param("t", tenantId).param("g", g.id()).query(Long.class).list();
        List<String> users = new ArrayList<>();
        List<Long> departments = new ArrayList<>();
        jdbc.sql("select member_type, member_id from att_group_member where tenant_id = :t and group_id = :g order by member_type, member_id")
                .param("t", tenantId).param("g", g.id())
                .query(rs -> {
                    if (USER.equals(rs.getString("member_type"))) {
                        users.add(rs.getString("member_id"));
                    } else {
                        departments.add(Long.parseLong(rs.getString("member_id")));
                    }
                });
        departments.sort(null);
        return new AttendanceGroup(g.id(), g.name(), g.shiftId(), g.outsidePolicy(), g.accuracyLimitMeters(), places,
                users, departments);
    }

    record GroupRow(long id, String name, long shiftId, OutsidePolicy outsidePolicy, int accuracyLimitMeters,
                    Instant createdAt) {
    }
}
