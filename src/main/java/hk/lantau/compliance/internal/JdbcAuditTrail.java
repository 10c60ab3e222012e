package hk.lantau.compliance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import hk.lantau.compliance.AuditEntry;
import hk.lantau.compliance.AuditTrail;
import hk.lantau.compliance.AuditVerification;
import hk.lantau.shared.Actor;
import hk.lantau.shared.AuditableEvent;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.RequestMetadata;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records auditable actions with who did them, from where and when. Joins the caller's
 * transaction, so the audit record commits or rolls back with the change it describes.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    static final int MAX_CHANGES_LENGTH = 100_000;
    private static final Actor NOBODY = Actor.system("lantau");

    // Our own mapper: keys sorted for a stable text, and nulls kept because "changed to null" matters.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final AuditAppender appender;
    private final Clock clock;

    JdbcAuditTrail(AuditAppender appender, Clock clock) {
        this.appender = appender;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(AuditableEvent event) {
        Actor actor = CurrentActor.find().orElse(NOBODY);
        long chain = event.tenantId() == null ? AuditVerification.INSTALLATION_CHAIN : event.tenantId();
        // The actor's address is the one sign-in resolved (proxies included); the socket's is the fallback.
        String ip = actor.ip() != null ? actor.ip() : RequestMetadata.clientIp().orElse(null);
        appender.append(new AuditEntry(chain, 0, clock.instant().truncatedTo(ChronoUnit.MICROS), actor.kind(),
                cut(actor.reference(), 200), cut(actor.name(), 200), cut(ip, 64),
                cut(RequestMetadata.requestId().orElse(null), 64), cut(event.action(), 120),
                cut(event.targetType(), 60), cut(event.targetId(), 200), changes(event.changes()), null, null));
    }

    static String changes(Map<String, Object> changes) {
        if (changes == null) {
            return "{}";
        }
        try {
            String json = JSON.writeValueAsString(changes);
            if (json.length() > MAX_CHANGES_LENGTH) {
                return JSON.writeValueAsString(Map.of("truncated", true, "fields", changes.keySet()));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The changes of an audit record must be JSON-friendly values", e);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
