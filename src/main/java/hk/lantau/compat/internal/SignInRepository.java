package hk.lantau.compat.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Redirect addresses, one-time codes ({@code cpt_sign_in_code}, kind {@code CODE}) and user and refresh
 * tokens ({@code cpt_user_token}, kinds {@code ACCESS} and {@code REFRESH}), the last two by hash only.
 * A code or token is found by its hash alone, the way a bearer token is: its row names the organisation.
 */
@Repository
class SignInRepository {

    record Holder(long tenantId, long appId, String userId) {
    }

    private final JdbcClient jdbc;

    SignInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> redirects(long tenantId, long appId) {
        return jdbc.sql("select uri from cpt_app_redirect where tenant_id = ? and app_id = ? order by created_at, uri")
                .params(tenantId, appId).query(String.class).list();
    }

    void replaceRedirects(long tenantId, long appId, List<String> uris, Instant now) {
        jdbc.sql("delete from cpt_app_redirect where tenant_id = ? and app_id = ?").params(tenantId, appId).update();
        for (String uri : uris) {
            jdbc.sql("insert into cpt_app_redirect (tenant_id, app_id, uri, created_at) values (?, ?, ?, ?)")
                    .params(tenantId, appId, uri, at(now)).update();
        }
    }

    void insert(String hash, String kind, Holder holder, Instant expiresAt, Instant now) {
        if ("CODE".equals(kind)) {
            jdbc.sql("""
                    insert into cpt_sign_in_code (code_hash, tenant_id, app_id, user_id, expires_at, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(hash, holder.tenantId(), holder.appId(), holder.userId(), at(expiresAt), at(now)).update();
        } else {
            jdbc.sql("""
                    insert into cpt_user_token (token_hash, kind, tenant_id, app_id, user_id, expires_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(hash, kind, holder.tenantId(), holder.appId(), holder.userId(), at(expiresAt), at(now))
                    .update();
        }
    }

    /** The holder of a code or token that has not expired. */
    Optional<Holder> find(String hash, String kind, Instant now) {
        String sql = "CODE".equals(kind)
                ? "select tenant_id, app_id, user_id from cpt_sign_in_code where code_hash = ? and expires_at > ?"
                : "select tenant_id, app_id, user_id from cpt_user_token where token_hash = ? and expires_at > ?"
                        + " and kind = '" + ("ACCESS".equals(kind) ? "ACCESS" : "REFRESH") + "'";
        return jdbc.sql(sql).params(hash, at(now))
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    /** Uses a code or token up; false when another request used it first. */
    boolean delete(String hash, String kind) {
        String sql = "CODE".equals(kind) ? "delete from cpt_sign_in_code where code_hash = ?"
                : "delete from cpt_user_token where token_hash = ?";
        return jdbc.sql(sql).params(hash).update() == 1;
    }

    /** Drops the organisation's expired codes and tokens; they can never be used again. */
    void forgetExpired(long tenantId, Instant now) {
        jdbc.sql("delete from cpt_sign_in_code where tenant_id = ? and expires_at <= ?").params(tenantId, at(now))
                .update();
        jdbc.sql("delete from cpt_user_token where tenant_id = ? and expires_at <= ?").params(tenantId, at(now))
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
