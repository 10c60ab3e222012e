package hk.lantau.attendance.internal;

import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.SftpDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Payroll SFTP destinations (with their sealed secrets and schedule state) and the delivery log. */
@Repository
class SftpRepository {

    /** A destination as stored. {@code scheduleMinute} is minutes after local midnight. */
    record Stored(long id, long tenantId, String name, String host, int port, String username, String passwordSealed,
                  String privateKeySealed, String fingerprint, String remoteFolder, String filePattern,
                  ExportFormat format, ExportEncoding encoding, String scheduleKind, Integer scheduleDay,
                  int scheduleMinute, int maxRetries, int retryMinutes, boolean enabled, Instant nextRunAt,
                  Instant slotAt, int attempt, Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS = """
            id, tenant_id, name, host, port, username, password_sealed, private_key_sealed, host_key_fingerprint,
            remote_folder, file_pattern, export_format, export_encoding, schedule_kind, schedule_day, schedule_minute,
            max_retries, retry_minutes, enabled, next_run_at, slot_at, attempt, created_at, updated_at""";

    private final JdbcClient jdbc;

    SftpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Stored d) {
        var keys = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into att_sftp_destination (tenant_id, name, host, port, username, password_sealed,
                       private_key_sealed, host_key_fingerprint, remote_folder, file_pattern, export_format,
                       export_encoding, schedule_kind, schedule_day, schedule_minute, max_retries, retry_minutes,
                       enabled, next_run_at, slot_at, attempt, created_at, updated_at)
                values (:t, :name, :host, :port, :user, :pw, :key, :fp, :folder, :pattern, :format, :encoding, :kind,
                       :day, :minute, :retries, :retryMinutes, :enabled, :next, :slot, :attempt, :created, :updated)"""),
                d).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(Stored d) {
        bind(jdbc.sql("""
                update att_sftp_destination set name = :name, host = :host, port = :port, username = :user,
                       password_sealed = :pw, private_key_sealed = :key, host_key_fingerprint = :fp,
                       remote_folder = :folder, file_pattern = :pattern, export_format = :format,
                       export_encoding = :encoding, schedule_kind = :kind, schedule_day = :day,
                       schedule_minute = :minute, max_retries = :retries, retry_minutes = :retryMinutes,
                       enabled = :enabled, next_run_at = :next, slot_at = :slot, attempt = :attempt,
                       updated_at = :updated
                 where tenant_id = :t and id = :id"""), d).param("id", d.id()).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Stored d) {
        return spec.param("t", d.tenantId()).param("name", d.name()).param("host", d.host()).param("port", d.port())
                .param("user", d.username()).param("pw", d.passwordSealed()).param("key", d.privateKeySealed())
                .param("fp", d.fingerprint()).param("folder", d.remoteFolder()).param("pattern", d.filePattern())
                .param("format", d.format().name()).param("encoding", d.encoding().name())
                .param("kind", d.scheduleKind()).param("day", d.scheduleDay()).param("minute", d.scheduleMinute())
                .param("retries", d.maxRetries()).param("retryMinutes", d.retryMinutes()).param("enabled", d.enabled())
                .param("next", Sql.ts(d.nextRunAt())).param("slot", Sql.ts(d.slotAt())).param("attempt", d.attempt())
                .param("created", Sql.ts(d.createdAt())).param("updated", Sql.ts(d.updatedAt()));
    }

    /** Moves a destination's schedule state on after an attempt. */
    void schedule(long tenantId, long id, Instant nextRunAt, Instant slotAt, int attempt) {
        jdbc.sql("update att_sftp_destination set next_run_at = :next, slot_at = :slot, attempt = :attempt "
                        + "where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).param("next", Sql.ts(nextRunAt)).param("slot", Sql.ts(slotAt))
                .param("attempt", attempt).update();
    }

    Optional<Stored> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from att_sftp_destination where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(SftpRepository::map).optional();
    }

    List<Stored> list(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from att_sftp_destination where tenant_id = :t order by id")
                .param("t", tenantId).query(SftpRepository::map).list();
    }

    List<Stored> due(long tenantId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from att_sftp_destination where tenant_id = :t and enabled = true "
                        + "and next_run_at <= :now order by id")
                .param("t", tenantId).param("now", Sql.ts(now)).query(SftpRepository::map).list();
    }

    /** Rows with a sealed secret after an id, for key rotation. */
    List<Stored> sealedAfter(long id, int limit) {
        return jdbc.sql("select " + COLUMNS + " from att_sftp_destination where id > :id "
                        + "and (password_sealed is not null or private_key_sealed is not null) order by id limit :n")
                .param("id", id).param("n", limit).query(SftpRepository::map).list();
    }

    boolean replaceSealed(Stored d, String password, String privateKey) {
        return jdbc.sql("""
                        update att_sftp_destination set password_sealed = :pw, private_key_sealed = :key
                         where tenant_id = :t and id = :id""")
                .param("t", d.tenantId()).param("id", d.id()).param("pw", password).param("key", privateKey)
                .update() == 1;
    }

    boolean delete(long tenantId, long id) {
        jdbc.sql("delete from att_sftp_delivery where tenant_id = :t and destination_id = :id")
                .param("t", tenantId).param("id", id).update();
        return jdbc.sql("delete from att_sftp_destination where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).update() == 1;
    }

    long log(long tenantId, SftpDelivery d) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into att_sftp_delivery (tenant_id, destination_id, attempted_at, trigger_kind, period_from,
                               period_to, attempt, outcome, file_name, bytes, error_code, error, next_attempt_at)
                        values (:t, :dest, :at, :trigger, :from, :to, :attempt, :outcome, :file, :bytes, :code, :error,
                               :next)""")
                .param("t", tenantId).param("dest", d.destinationId()).param("at", Sql.ts(d.attemptedAt()))
                .param("trigger", d.trigger()).param("from", Sql.date(d.periodFrom())).param("to", Sql.date(d.periodTo()))
                .param("attempt", d.attempt()).param("outcome", d.outcome()).param("file", d.fileName())
                .param("bytes", d.bytes()).param("code", d.errorCode()).param("error", d.error())
                .param("next", Sql.ts(d.nextAttemptAt())).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<SftpDelivery> deliveries(long tenantId, long destinationId, int limit) {
        return jdbc.sql("""
                        select id, destination_id, attempted_at, trigger_kind, period_from, period_to, attempt, outcome,
                               file_name, bytes, error_code, error, next_attempt_at
                          from att_sftp_delivery where tenant_id = :t and destination_id = :d
                         order by attempted_at desc, id desc limit :n""")
                .param("t", tenantId).param("d", destinationId).param("n", limit)
                .query((rs, n) -> new SftpDelivery(rs.getLong(1), rs.getLong(2), Sql.instant(rs, "attempted_at"),
                        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getInt(7),
                        rs.getString(8), rs.getString(9), Sql.nullableLong(rs, "bytes"), rs.getString(11),
                        rs.getString(12), Sql.instant(rs, "next_attempt_at")))
                .list();
    }

    private static Stored map(ResultSet rs, int n) throws SQLException {
        int day = rs.getInt("schedule_day");
        Integer scheduleDay = rs.wasNull() ? null : day;
        return new Stored(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("host"),
                rs.getInt("port"), rs.getString("username"), rs.getString("password_sealed"),
                rs.getString("private_key_sealed"), rs.getString("host_key_fingerprint"), rs.getString("remote_folder"),
                rs.getString("file_pattern"), ExportFormat.valueOf(rs.getString("export_format")),
                ExportEncoding.valueOf(rs.getString("export_encoding")), rs.getString("schedule_kind"), scheduleDay,
                rs.getInt("schedule_minute"), rs.getInt("max_retries"), rs.getInt("retry_minutes"),
                rs.getBoolean("enabled"), Sql.instant(rs, "next_run_at"), Sql.instant(rs, "slot_at"),
                rs.getInt("attempt"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
