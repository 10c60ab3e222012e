package hk.lantau.attendance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.attendance.ExportColumn;
import hk.lantau.attendance.ExportProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExportProfileRepository {

    static final String DEFAULT_DATE = "yyyy-MM-dd";
    static final String DEFAULT_DATE_TIME = "yyyy-MM-dd HH:mm";

    private static final TypeReference<List<ExportColumn>> COLUMNS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ExportProfileRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored profile, or the catalogue's defaults. */
    ExportProfile find(long tenantId) {
        Optional<ExportProfile> stored = jdbc.sql("""
                        select columns_json, date_format, date_time_format from att_export_profile where tenant_id = :t""")
                .param("t", tenantId)
                .query((rs, n) -> new ExportProfile(read(rs.getString(1)), rs.getString(2), rs.getString(3),
                        ExportCatalogue.keys()))
                .optional();
        return stored.orElseGet(() -> new ExportProfile(ExportCatalogue.defaults(), DEFAULT_DATE, DEFAULT_DATE_TIME,
                ExportCatalogue.keys()));
    }

    void save(long tenantId, ExportProfile profile, Instant now) {
        String columns = write(profile.columns());
        int updated = jdbc.sql("""
                        update att_export_profile set columns_json = :c, date_format = :d, date_time_format = :dt,
                               updated_at = :now where tenant_id = :t""")
                .param("t", tenantId).param("c", columns).param("d", profile.dateFormat())
                .param("dt", profile.dateTimeFormat()).param("now", Sql.ts(now)).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into att_export_profile (tenant_id, columns_json, date_format, date_time_format, updated_at)
                            values (:t, :c, :d, :dt, :now)""")
                    .param("t", tenantId).param("c", columns).param("d", profile.dateFormat())
                    .param("dt", profile.dateTimeFormat()).param("now", Sql.ts(now)).update();
        }
    }

    private List<ExportColumn> read(String text) {
        try {
            return json.readValue(text, COLUMNS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable export profile", e);
        }
    }

    private String write(List<ExportColumn> columns) {
        try {
            return json.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Export profile not writable", e);
        }
    }
}
