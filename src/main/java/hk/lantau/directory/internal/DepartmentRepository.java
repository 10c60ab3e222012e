package hk.lantau.directory.internal;

import hk.lantau.directory.Department;
import hk.lantau.directory.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DepartmentRepository {

    private static final String COLUMNS = "id, parent_id, name, sort_order, is_virtual, created_at, updated_at";

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("select nextval('dir_department_id_seq')").query(Long.class).single();
    }

    void insert(long tenantId, long id, Long parentId, String name, int order, boolean virtual, Instant now) {
        jdbc.sql("""
                insert into dir_department (tenant_id, id, parent_id, name, sort_order, is_virtual, created_at,
                                            updated_at)
                values (:tenantId, :id, :parentId, :name, :order, :virtual, :now, :now)""")
                .param("tenantId", tenantId).param("id", id).param("parentId", parentId).param("name", name)
                .param("order", order).param("virtual", virtual).param("now", Times.utc(now))
                .update();
    }

    Optional<Department> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from dir_department where tenant_id = :tenantId and id = :id")
                .param("tenantId", tenantId).param("id", id)
                .query(DepartmentRepository::map).optional();
    }

    List<Department> findAll(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from dir_department where tenant_id = :tenantId order by sort_order, id")
                .param("tenantId", tenantId)
                .query(DepartmentRepository::map).list();
    }

    List<Department> findAll(long tenantId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from dir_department where tenant_id = :tenantId and id in (:ids)")
                .param("tenantId", tenantId).param("ids", ids)
                .query(DepartmentRepository::map).list();
    }

    List<Department> children(long tenantId, long parentId) {
        return jdbc.sql("select " + COLUMNS
                        + " from dir_department where tenant_id = :tenantId and parent_id = :parentId"
                        + " order by sort_order, id")
                .param("tenantId", tenantId).param("parentId", parentId)
                .query(DepartmentRepository::map).list();
    }

    boolean hasChildren(long tenantId, long id) {
        return jdbc.sql("select count(*) from dir_department where tenant_id = :tenantId and parent_id = :id")
                .param("tenantId", tenantId).param("id", id).query(Long.class).single() > 0;
    }

    boolean nameTaken(long tenantId, long parentId, String name, long exceptId) {
        return jdbc.sql("""
                select count(*) from dir_department
                 where tenant_id = :tenantId and parent_id = :parentId and name = :name and id <> :exceptId""")
                .param("tenantId", tenantId).param("parentId", parentId).param("name", name)
                .param("exceptId", exceptId).query(Long.class).single() > 0;
    }

    void update(long tenantId, Department department, Instant now) {
        jdbc.sql("""
                update dir_department set parent_id = :parentId, name = :name, sort_order = :order, updated_at = :now
                 where tenant_id = :tenantId and id = :id""")
                .param("parentId", department.parentId()).param("name", department.name())
                .param("order", department.order()).param("now", Times.utc(now))
                .param("tenantId", tenantId).param("id", department.id())
                .update();
    }

    void delete(long tenantId, long id) {
        jdbc.sql("delete from dir_department where tenant_id = :tenantId and id = :id")
                .param("tenantId", tenantId).param("id", id).update();
    }

    /**
     * Locks the organisation's root department row: a per-organisation mutex so that concurrent
     * additions cannot together pass the edition's user limit.
     */
    void lockOrganisation(long tenantId) {
        jdbc.sql("select id from dir_department where tenant_id = :tenantId and id = :root for update")
                .param("tenantId", tenantId).param("root", Directory.ROOT_DEPARTMENT_ID)
                .query(Long.class).optional();
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("name"),
                rs.getInt("sort_order"), rs.getBoolean("is_virtual"), Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"));
    }
}
