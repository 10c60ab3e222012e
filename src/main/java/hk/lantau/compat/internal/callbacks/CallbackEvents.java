package hk.lantau.compat.internal.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import hk.lantau.compat.internal.events.DingTalkEvent;
import hk.lantau.openplatform.FormattedSubscriptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues each DingTalk event for the callbacks that registered its type, in the transaction that
 * raised it, as the plaintext of DingTalk's current format: {@code EventType}, {@code EventTime}
 * (epoch milliseconds), {@code CorpId}, {@code eventId} and the event's data at the top level.
 */
@Component
class CallbackEvents {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FormattedSubscriptions subscriptions;

    CallbackEvents(FormattedSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @EventListener
    void on(DingTalkEvent event) {
        CallbackTags.scope(event.eventType()).ifPresent(scope -> subscriptions.publish(event.tenantId(),
                DingTalkCallbackFormat.NAME, event.eventType(), event.eventId(), event.bornAt(), plaintext(event),
                scope));
    }

    static String plaintext(DingTalkEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EventType", event.eventType());
        body.put("EventTime", event.bornAt().toEpochMilli());
        body.put("CorpId", event.corpId());
        body.put("eventId", event.eventId());
        body.putAll(event.data());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of a DingTalk event must be JSON-friendly values", e);
        }
    }
}
