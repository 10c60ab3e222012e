package hk.lantau.messaging.internal.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server's frames, written by hand where it matters: an event's payload is already JSON and is
 * copied in as it is, and the part after the sequence number is built once per event for all its
 * recipients on this node.
 */
final class Frames {

    static final String PING = "{\"type\":\"ping\"}";
    static final String PONG = "{\"type\":\"pong\"}";

    private Frames() {
    }

    static String hello(long seq) {
        return "{\"type\":\"hello\",\"seq\":" + seq + "}";
    }

    static String reset(long seq) {
        return "{\"type\":\"reset\",\"seq\":" + seq + "}";
    }

    static String error(ObjectMapper json, String code, String detail) {
        return "{\"type\":\"error\",\"code\":" + quoted(json, code) + ",\"detail\":" + quoted(json, detail) + "}";
    }

    /** Everything of an event frame after its sequence number. */
    static String eventTail(ObjectMapper json, String type, Instant at, String payload) {
        return ",\"event\":" + quoted(json, type) + ",\"at\":\"" + at.truncatedTo(ChronoUnit.MILLIS) + "\",\"data\":"
                + payload + "}";
    }

    static String event(long seq, String tail) {
        return "{\"type\":\"event\",\"seq\":" + seq + tail;
    }

    private static String quoted(ObjectMapper json, String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
