package hk.lantau.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String COLUMNS =
            "id, corp_id, name, region, time_zone, edition, status, self_join_enabled, created_at";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String corpId, NewOrganisation org, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into tenant (corp_id, name, region, time_zone, edition, status, self_join_enabled,
                                    created_at, updated_at)
                values (:corpId, :name, :region, :zone, :edition, 'ACTIVE', false, :now, :now)""")
                .param("corpId", corpId).param("name", org.name()).param("region", org.region().name())
                .param("zone", org.timeZone().getId()).param("edition", org.edition().name())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from tenant where id = :id").param("id", id)
                .query(OrganisationRepository::map).optional();
    }

    Optional<Organisation> findByCorpId(String corpId) {
        return jdbc.sql("select " + COLUMNS + " from tenant where corp_id = :corpId").param("corpId", corpId)
                .query(OrganisationRepository::map).optional();
    }

    List<Organisation> list() {
        return jdbc.sql("select " + COLUMNS + " from tenant order by name").query(OrganisationRepository::map).list();
    }

    boolean existsByName(String name) {
        return jdbc.sql("select count(*) from tenant where lower(name) = lower(:name)").param("name", name)
                .query(Long.class).single() > 0;
    }

    void update(Organisation org, Instant now) {
        jdbc.sql("""
                update tenant set name = :name, time_zone = :zone, self_join_enabled = :selfJoin,
                                  edition = :edition, status = :status, updated_at = :now
                where id = :id""")
                .param("name", org.name()).param("zone", org.timeZone().getId())
                .param("selfJoin", org.selfJoinEnabled()).param("edition", org.edition().name())
                .param("status", org.status().name()).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("id", org.id()).update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("corp_id"), rs.getString("name"),
                DataRegion.valueOf(rs.getString("region")), ZoneId.of(rs.getString("time_zone")),
                Edition.valueOf(rs.getString("edition")), Organisation.Status.valueOf(rs.getString("status")),
                rs.getBoolean("self_join_enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
