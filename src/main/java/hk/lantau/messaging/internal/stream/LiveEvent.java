package hk.lantau.messaging.internal.stream;

import java.util.Map;

/**
 * An event on its way to connected clients, on every node: the payload once, and each
 * recipient's sequence number for it.
 */
public record LiveEvent(long tenantId, long eventId, String type, String payload, long at,
                        Map<String, Long> sequences) {

    public LiveEvent {
        sequences = Map.copyOf(sequences);
    }
}
