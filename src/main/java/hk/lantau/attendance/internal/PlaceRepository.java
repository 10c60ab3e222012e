package hk.lantau.attendance.internal;

import hk.lantau.attendance.Place;
import hk.lantau.attendance.PlaceDefinition;
import hk.lantau.attendance.WifiNetwork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PlaceRepository {

    private final JdbcClient jdbc;

    PlaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, PlaceDefinition d, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into att_location (tenant_id, name, address, latitude, longitude, radius_m, created_at, updated_at)
                values (:t, :name, :address, :lat, :lon, :radius, :now, :now)""")
                .param("t", tenantId).param("name", d.name()).param("address", d.address())
                .param("lat", d.latitude()).param("lon", d.longitude()).param("radius", d.radiusMeters())
                .param("now", Sql.ts(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        insertWifi(tenantId, id, d.wifi());
        return id;
    }

    boolean update(long tenantId, long id, PlaceDefinition d, Instant now) {
        int updated = jdbc.sql("""
                update att_location set name = :name, address = :address, latitude = :lat, longitude = :lon,
                       radius_m = :radius, updated_at = :now
                 where tenant_id = :t and id = :id""")
                .param("t", tenantId).param("id", id).param("name", d.name()).param("address", d.address())
                .param("lat", d.latitude()).param("lon", d.longitude()).param("radius", d.radiusMeters())
                .param("now", Sql.ts(now)).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from att_location_wifi where tenant_id = :t and location_id = :id")
                .param("t", tenantId).param("id", id).update();
        insertWifi(tenantId, id, d.wifi());
        return true;
    }

    private void insertWifi(long tenantId, long id, List<WifiNetwork> wifi) {
        for (WifiNetwork w : wifi) {
            jdbc.sql("insert into att_location_wifi (tenant_id, location_id, ssid, bssid) values (:t, :id, :ssid, :bssid)")
                    .param("t", tenantId).param("id", id).param("ssid", w.ssid()).param("bssid", w.bssid()).update();
        }
    }

    boolean delete(long tenantId, long id) {
        return jdbc.sql("delete from att_location where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).update() > 0;
    }

    boolean inUse(long tenantId, long id) {
        return jdbc.sql("select count(*) from att_group_location where tenant_id = :t and location_id = :id")
                .param("t", tenantId).param("id", id).query(Integer.class).single() > 0;
    }

    Optional<Place> find(long tenantId, long id) {
        return query(tenantId, List.of(id)).stream().findFirst();
    }

    List<Place> list(long tenantId) {
        return query(tenantId, null);
    }

    /** The places with these ids (all places when {@code ids} is null), by id. */
    List<Place> query(long tenantId, Collection<Long> ids) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        String filter = ids == null ? "" : " and id in (:ids)";
        var rows = jdbc.sql("select id, name, address, latitude, longitude, radius_m from att_location where tenant_id = :t"
                        + filter + " order by id")
                .param("t", tenantId);
        if (ids != null) {
            rows = rows.param("ids", ids);
        }
        record Row(long id, String name, String address, double lat, double lon, int radius) {
        }
        List<Row> places = rows.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"),
                rs.getString("address"), rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getInt("radius_m")))
                .list();
        if (places.isEmpty()) {
            return List.of();
        }
        Map<Long, List<WifiNetwork>> wifi = new HashMap<>();
        jdbc.sql("select location_id, ssid, bssid from att_location_wifi where tenant_id = :t and location_id in (:ids)")
                .param("t", tenantId).param("ids", places.stream().map(Row::id).toList())
                .query(rs -> {
                    wifi.computeIfAbsent(rs.getLong("location_id"), k -> new ArrayList<>())
                            .add(new WifiNetwork(rs.getString("ssid"), rs.getString("bssid")));
                });
        return places.stream().map(r -> new Place(r.id(), r.name(), r.address(), r.lat(), r.lon(), r.radius(),
                wifi.getOrDefault(r.id(), List.of()))).toList();
    }
}
