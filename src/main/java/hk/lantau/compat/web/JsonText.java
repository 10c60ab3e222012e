package hk.lantau.compat.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON carried inside a string, as DingTalk's {@code msg} form field and the robots' {@code msgParam} are. */
final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {
    }

    /**
     * The parsed value, or null when the text is not JSON. DingTalk's own form samples escape the
     * quotes of the JSON they carry ({@code {\"msgtype\":…}}); such text is read once more unescaped.
     */
    static JsonNode parse(String text) {
        JsonNode parsed = read(text);
        if (parsed == null && text.contains("\\\"")) {
            parsed = read(text.replace("\\\"", "\""));
        }
        return parsed;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
