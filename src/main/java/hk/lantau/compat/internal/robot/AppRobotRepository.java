package hk.lantau.compat.internal.robot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Apps' robot settings and rate windows ({@code cpt_app_robot}) and sessions ({@code cpt_robot_session}). */
@Repository
class AppRobotRepository {

    record Settings(String messageUrl, String secretSealed) {
    }

    record Window(Instant start, int count, Instant blockedUntil) {
    }

    record Session(long tenantId, long appId, String conversationId, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    AppRobotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the app's row if it has none, so it can be locked. */
    void ensure(long tenantId, long appId, Instant now) {
        jdbc.sql("""
                insert into cpt_app_robot (tenant_id, app_id, window_count, updated_at) values (?, ?, 0, ?)
                on conflict do nothing""").params(tenantId, appId, at(now)).update();
    }

    Optional<Settings> settings(long tenantId, long appId) {
        return jdbc.sql("select message_url, secret_sealed from cpt_app_robot where tenant_id = ? and app_id = ?")
                .params(tenantId, appId)
                .query((rs, n) -> new Settings(rs.getString(1), rs.getString(2))).optional();
    }

    void saveSettings(long tenantId, long appId, String messageUrl, String secretSealed, Instant now) {
        ensure(tenantId, appId, now);
        jdbc.sql("update cpt_app_robot set message_url = ?, secret_sealed = ?, updated_at = ? "
                        + "where tenant_id = ? and app_id = ?")
                .params(messageUrl, secretSealed, at(now), tenantId, appId).update();
    }

    Optional<Window> lockWindow(long tenantId, long appId) {
        return jdbc.sql("select window_start, window_count, blocked_until from cpt_app_robot "
                        + "where tenant_id = ? and app_id = ? for update")
                .params(tenantId, appId)
                .query((rs, n) -> new Window(instant(rs, 1), rs.getInt(2), instant(rs, 3)))
                .optional();
    }

    void saveWindow(long tenantId, long appId, Window window) {
        jdbc.sql("update cpt_app_robot set window_start = ?, window_count = ?, blocked_until = ? "
                        + "where tenant_id = ? and app_id = ?")
                .params(at(window.start()), window.count(), at(window.blockedUntil()), tenantId, appId).update();
    }

    void insertSession(String hash, Session session, Instant now) {
        jdbc.sql("""
                insert into cpt_robot_session (session_hash, tenant_id, app_id, conversation_id, expires_at, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(hash, session.tenantId(), session.appId(), session.conversationId(),
                        at(session.expiresAt()), at(now)).update();
    }

    Optional<Session> session(String hash) {
        return jdbc.sql("select tenant_id, app_id, conversation_id, expires_at from cpt_robot_session "
                        + "where session_hash = ?")
                .params(hash)
                .query((rs, n) -> new Session(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        instant(rs, 4))).optional();
    }

    void forgetExpiredSessions(long tenantId, Instant now) {
        jdbc.sql("delete from cpt_robot_session where tenant_id = ? and expires_at < ?").params(tenantId, at(now))
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
