package hk.lantau.compat.internal.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Raises a {@link DingTalkEvent} in the caller's transaction: stamps it with a fresh event id, the
 * time and the organisation's corp id, and publishes it to the synchronous listeners that queue it
 * for callbacks and Stream connections.
 */
@Component
class DingTalkEvents {

    private final ApplicationEventPublisher publisher;
    private final LongFunction<String> corpIdOf;
    private final Clock clock;
    // An organisation's corp id never changes, so a bulk import looks it up once.
    private final Cache<Long, String> corpIds = Caffeine.newBuilder().maximumSize(10_000).build();

    @Autowired
    DingTalkEvents(ApplicationEventPublisher publisher, Organisations organisations, Clock clock) {
        this(publisher, id -> organisations.get(id).corpId(), clock);
    }

    DingTalkEvents(ApplicationEventPublisher publisher, LongFunction<String> corpIdOf, Clock clock) {
        this.publisher = publisher;
        this.corpIdOf = corpIdOf;
        this.clock = clock;
    }

    String corpId(long tenantId) {
        return corpIds.get(tenantId, corpIdOf::apply);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void raise(long tenantId, String eventType, Instant bornAt, Map<String, Object> data) {
        String eventId = UUID.randomUUID().toString().replace("-", "");
        publisher.publishEvent(new DingTalkEvent(tenantId, eventId, eventType, bornAt, corpId(tenantId), data));
    }
}
