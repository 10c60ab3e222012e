package hk.lantau.messaging.internal.chat;

import hk.lantau.messaging.UserEvents;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The chat's events on people's streams; the type names are shared by every part of messaging. */
@Component
class ChatEvents {

    static final String MESSAGE_CREATED = "message.created";
    static final String MESSAGE_RECALLED = "message.recalled";
    static final String MESSAGE_REMOVED = "message.removed";
    static final String CONVERSATION_UPDATED = "conversation.updated";
    static final String CONVERSATION_READ = "conversation.read";

    private final UserEvents events;

    ChatEvents(UserEvents events) {
        this.events = events;
    }

    void send(long tenantId, Collection<String> userIds, String type, Object payload) {
        if (!userIds.isEmpty()) {
            events.append(tenantId, userIds, type, payload);
        }
    }

    /** An ordered map of alternating keys and values, for small payloads. */
    static Map<String, Object> payload(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
