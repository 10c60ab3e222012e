package hk.lantau.messaging.internal.robot;

import static hk.lantau.messaging.internal.sql.SqlTimes.instant;
import static hk.lantau.messaging.internal.sql.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RobotRepository {

    private static final String COLUMNS = "id, tenant_id, conversation_id, name, token_sealed, secret_sealed, keywords, "
            + "ip_ranges, enabled, created_by, created_at, updated_at, window_start, window_count, blocked_until";

    private final JdbcClient jdbc;

    RobotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts with placeholder credentials; they are sealed for the robot's id, known only afterwards. */
    long insert(long tenantId, String conversationId, String name, String tokenHash, List<String> keywords,
                List<String> ipRanges, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into msg_robot (tenant_id, conversation_id, name, token_hash, token_sealed, keywords, ip_ranges,
                                       enabled, created_by, created_at, updated_at, window_count)
                values (:tenantId, :conversationId, :name, :tokenHash, '', :keywords, :ipRanges, true, :createdBy,
                        :now, :now, 0)""")
                .param("tenantId", tenantId).param("conversationId", conversationId).param("name", name)
                .param("tokenHash", tokenHash).param("keywords", join(keywords)).param("ipRanges", join(ipRanges))
                .param("createdBy", createdBy).param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<StoredRobot> find(long tenantId, String conversationId, long id) {
        return jdbc.sql("select " + COLUMNS + " from msg_robot where tenant_id = :tenantId "
                        + "and conversation_id = :conversationId and id = :id")
                .param("tenantId", tenantId).param("conversationId", conversationId).param("id", id)
                .query(RobotRepository::map).optional();
    }

    List<StoredRobot> list(long tenantId, String conversationId) {
        return jdbc.sql("select " + COLUMNS + " from msg_robot where tenant_id = :tenantId "
                        + "and conversation_id = :conversationId order by id")
                .param("tenantId", tenantId).param("conversationId", conversationId)
                .query(RobotRepository::map).list();
    }

    int count(long tenantId, String conversationId) {
        return jdbc.sql("select count(*) from msg_robot where tenant_id = :tenantId and conversation_id = :conversationId")
                .param("tenantId", tenantId).param("conversationId", conversationId)
                .query(Integer.class).single();
    }

    /** The robot a webhook token belongs to, whatever its organisation: the token alone names it. */
    Optional<StoredRobot> findByTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from msg_robot where token_hash = :hash")
                .param("hash", tokenHash).query(RobotRepository::map).optional();
    }

    /** Locks the robot's row for the rest of the transaction, so nodes count its messages one at a time. */
    Optional<StoredRobot> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from msg_robot where id = :id for update")
                .param("id", id).query(RobotRepository::map).optional();
    }

    void settings(long id, String name, String secretSealed, List<String> keywords, List<String> ipRanges,
                  Instant now) {
        jdbc.sql("update msg_robot set name = :name, secret_sealed = :secret, keywords = :keywords, "
                        + "ip_ranges = :ipRanges, updated_at = :now where id = :id")
                .param("name", name).param("secret", secretSealed).param("keywords", join(keywords))
                .param("ipRanges", join(ipRanges)).param("now", utc(now)).param("id", id).update();
    }

    void token(long id, String tokenHash, String tokenSealed, Instant now) {
        jdbc.sql("update msg_robot set token_hash = :hash, token_sealed = :sealed, updated_at = :now where id = :id")
                .param("hash", tokenHash).param("sealed", tokenSealed).param("now", utc(now)).param("id", id)
                .update();
    }

    void enabled(long id, boolean enabled, Instant now) {
        jdbc.sql("update msg_robot set enabled = :enabled, updated_at = :now where id = :id")
                .param("enabled", enabled).param("now", utc(now)).param("id", id).update();
    }

    void window(long id, Instant start, int count, Instant blockedUntil) {
        jdbc.sql("update msg_robot set window_start = :start, window_count = :count, blocked_until = :blocked "
                        + "where id = :id")
                .param("start", utc(start)).param("count", count).param("blocked", utc(blockedUntil))
                .param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from msg_robot where id = :id").param("id", id).update();
    }

    /** Sealed credentials after {@code afterId}, for resealing under a new key. */
    List<SealedCredentials> sealedAfter(long afterId, int limit) {
        return jdbc.sql("select id, token_sealed, secret_sealed from msg_robot where id > :after order by id "
                        + "limit :limit")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new SealedCredentials(rs.getLong("id"), rs.getString("token_sealed"),
                        rs.getString("secret_sealed")))
                .list();
    }

    /** Replaces sealed credentials unless they changed meanwhile (a reset won the race). */
    boolean replaceSealed(SealedCredentials old, String tokenSealed, String secretSealed) {
        return jdbc.sql("update msg_robot set token_sealed = :token, secret_sealed = :secret where id = :id "
                        + "and token_sealed = :oldToken and coalesce(secret_sealed, '') = :oldSecret")
                .param("token", tokenSealed).param("secret", secretSealed).param("id", old.id())
                .param("oldToken", old.token()).param("oldSecret", old.secret() == null ? "" : old.secret())
                .update() == 1;
    }

    record SealedCredentials(long id, String token, String secret) {
    }

    private static StoredRobot map(ResultSet rs, int row) throws SQLException {
        return new StoredRobot(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("conversation_id"),
                rs.getString("name"), rs.getString("token_sealed"), rs.getString("secret_sealed"),
                split(rs.getString("keywords")), split(rs.getString("ip_ranges")), rs.getBoolean("enabled"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "window_start"), rs.getInt("window_count"), instant(rs, "blocked_until"));
    }

    private static String join(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split("\n"));
    }


}
