package hk.lantau.compat.internal.stream;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets that open one Stream connection each. Only their SHA-256 hash is stored; the row carries
 * the app and organisation, so a ticket cannot be moved to another app, and the app's DingTalk
 * token, sealed, which the connection keeps checking while it lives.
 */
@Repository
class StreamTickets {

    static final String PURPOSE = "compat.stream-ticket";

    private final JdbcClient jdbc;
    private final SecretSealing sealing;
    private final Clock clock;

    StreamTickets(JdbcClient jdbc, SecretSealing sealing, Clock clock) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.clock = clock;
    }

    /** A redeemed ticket: who connects, with which token, listening to what (JSON). */
    record Ticket(long tenantId, long appId, String token, String subscriptions) {

        @Override
        public String toString() {
            return "Ticket[tenantId=" + tenantId + ", appId=" + appId + "]";
        }
    }

    String issue(long tenantId, long appId, String token, String subscriptions, Instant expiresAt) {
        String ticket = Tokens.random(32);
        jdbc.sql("""
                insert into cpt_stream_ticket (ticket_hash, tenant_id, app_id, sealed_token, subscriptions,
                                               expires_at, created_at)
                values (:hash, :tenantId, :appId, :sealed, :subscriptions, :expiresAt, :now)""")
                .param("hash", Tokens.sha256Hex(ticket)).param("tenantId", tenantId).param("appId", appId)
                .param("sealed", sealing.seal(PURPOSE, token)).param("subscriptions", subscriptions)
                .param("expiresAt", utc(expiresAt)).param("now", utc(clock.instant())).update();
        return ticket;
    }

    /** The ticket's connection, once: the row is deleted by whoever reads it first. Expired ones open nothing. */
    Optional<Ticket> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(ticket);
        Optional<Ticket> found = jdbc.sql("""
                select tenant_id, app_id, sealed_token, subscriptions from cpt_stream_ticket
                 where ticket_hash = :hash and expires_at > :now""")
                .param("hash", hash).param("now", utc(clock.instant()))
                .query((rs, n) -> new Ticket(rs.getLong("tenant_id"), rs.getLong("app_id"),
                        rs.getString("sealed_token"), rs.getString("subscriptions")))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int deleted = jdbc.sql("delete from cpt_stream_ticket where ticket_hash = :hash and tenant_id = :tenantId")
                .param("hash", hash).param("tenantId", found.get().tenantId()).update();
        if (deleted == 0) {
            return Optional.empty();
        }
        Ticket row = found.get();
        return Optional.of(new Ticket(row.tenantId(), row.appId(), sealing.open(PURPOSE, row.token()),
                row.subscriptions()));
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("delete from cpt_stream_ticket where expires_at <= :now").param("now", utc(now)).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
