package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * The downstream frames of DingTalk's Stream protocol: {@code specVersion}, {@code type}
 * ({@code SYSTEM}, {@code EVENT}, {@code CALLBACK}), string {@code headers} and {@code data}, a JSON
 * document carried as a string.
 */
final class StreamFrames {

    static final String CONTENT_TYPE = "application/json";

    private StreamFrames() {
    }

    static String event(ObjectMapper json, StreamQueue.Message message, String appKey, Instant now) {
        ObjectNode frame = frame(json, "EVENT", message.eventType(), message.messageId(), now);
        ObjectNode headers = (ObjectNode) frame.get("headers");
        headers.put("eventId", message.eventId());
        headers.put("eventBornTime", Long.toString(message.bornAt().toEpochMilli()));
        headers.put("eventCorpId", message.corpId());
        headers.put("eventType", message.eventType());
        headers.put("eventUnifiedAppId", appKey);
        frame.put("data", message.data());
        return write(json, frame);
    }

    static String callback(ObjectMapper json, String topic, String messageId, long appId, String connectionId,
                           String data, Instant now) {
        ObjectNode frame = frame(json, "CALLBACK", topic, messageId, now);
        ObjectNode headers = (ObjectNode) frame.get("headers");
        headers.put("appId", Long.toString(appId));
        headers.put("connectionId", connectionId);
        frame.put("data", data);
        return write(json, frame);
    }

    static String system(ObjectMapper json, String topic, String messageId, Map<String, String> data, Instant now) {
        ObjectNode frame = frame(json, "SYSTEM", topic, messageId, now);
        frame.put("data", write(json, json.valueToTree(data)));
        return write(json, frame);
    }

    private static ObjectNode frame(ObjectMapper json, String type, String topic, String messageId, Instant now) {
        ObjectNode frame = json.createObjectNode();
        frame.put("specVersion", "1.0");
        frame.put("type", type);
        ObjectNode headers = frame.putObject("headers");
        headers.put("topic", topic);
        headers.put("messageId", messageId);
        headers.put("contentType", CONTENT_TYPE);
        headers.put("time", Long.toString(now.toEpochMilli()));
        return frame;
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Stream frame could not be written", e);
        }
    }
}
