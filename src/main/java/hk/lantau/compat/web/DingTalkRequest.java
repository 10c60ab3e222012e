package hk.lantau.compat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DingTalk request's parameters, read the lenient way DingTalk's clients need: the old SDK sends
 * every number and boolean as a JSON string ({@code "size":"10"}, {@code "active":"false"}), lists
 * as comma-separated strings ({@code "dept_id_list":"2,3"}), and curl samples use form bodies. The
 * query string's parameters count too (the old SDK's GET calls), the body's win. Values of the
 * wrong type are refused with DingTalk's parameter error naming the field, never coerced silently.
 */
final class DingTalkRequest {

    /** Reads JSON held in strings: the old SDK sends some lists of objects that way. */
    private static final ObjectMapper PARSER = new ObjectMapper();

    private final ObjectNode values;

    DingTalkRequest(ObjectNode values) {
        this.values = values;
    }

    /** A request from form or query parameters, every value a string. */
    static DingTalkRequest ofParameters(Map<String, String[]> parameters) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        parameters.forEach((name, value) -> {
            if (!"access_token".equals(name) && value.length > 0) {
                node.put(name, value[0]);
            }
        });
        return new DingTalkRequest(node);
    }

    boolean has(String name) {
        JsonNode value = values.get(name);
        return value != null && !value.isNull();
    }

    /** A string, or null when absent; numbers and booleans are given as their text. */
    String text(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw DingTalkException.invalidParameter(name);
        }
        return value.asText();
    }

    String requireText(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw DingTalkException.missingParameter(name);
        }
        return value;
    }

    /** A whole number sent as a number or a string. */
    Long number(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().strip());
            } catch (NumberFormatException e) {
                throw DingTalkException.invalidParameter(name);
            }
        }
        throw DingTalkException.invalidParameter(name);
    }

    long requireNumber(String name) {
        Long value = number(name);
        if (value == null) {
            throw DingTalkException.missingParameter(name);
        }
        return value;
    }

    /** A number within bounds, or {@code fallback} when absent. */
    int number(String name, int fallback, int min, int max) {
        Long value = number(name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw DingTalkException.invalidParameter(name);
        }
        return value.intValue();
    }

    /** {@code true}/{@code false} as booleans or strings ({@code "1"}/{@code "0"} too), null when absent. */
    Boolean bool(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            case "" -> null;
            default -> throw DingTalkException.invalidParameter(name);
        };
    }

    /** A list sent as a JSON array or a comma-separated string; null when absent. */
    List<String> texts(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isContainerNode() || item.isNull()) {
                    throw DingTalkException.invalidParameter(name);
                }
                items.add(item.asText().strip());
            }
        } else if (value.isContainerNode()) {
            throw DingTalkException.invalidParameter(name);
        } else {
            for (String item : value.asText().split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** A list of whole numbers sent as a JSON array or a comma-separated string; null when absent. */
    List<Long> numbers(String name) {
        List<String> items = texts(name);
        if (items == null) {
            return null;
        }
        List<Long> numbers = new ArrayList<>(items.size());
        for (String item : items) {
            try {
                numbers.add(Long.parseLong(item));
            } catch (NumberFormatException e) {
                throw DingTalkException.invalidParameter(name);
            }
        }
        return numbers;
    }
    /** A nested object sent as JSON or as a string holding JSON ({@code {"request":{...}}}); null when absent. */
    DingTalkRequest object(String name) {
        JsonNode value = parsed(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw DingTalkException.invalidParameter(name);
        }
        return new DingTalkRequest(object);
    }

    /** A list of objects sent as a JSON array or a string holding one; null when absent. */
    List<DingTalkRequest> objects(String name) {
        JsonNode value = parsed(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw DingTalkException.invalidParameter(name);
        }
        List<DingTalkRequest> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!(item instanceof ObjectNode object)) {
                throw DingTalkException.invalidParameter(name);
            }
            items.add(new DingTalkRequest(object));
        }
        return items;
    }

    /** A value as text, with arrays and objects given as their JSON, as DingTalk's form values are. */
    String json(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    private JsonNode parsed(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (value.isTextual()) {
            try {
                return PARSER.readTree(value.asText());
            } catch (java.io.IOException e) {
                throw DingTalkException.invalidParameter(name);
            }
        }
        return value;
    }

    /**
     * A JSON object sent as an object or, as form bodies and the old SDK's string fields carry it,
     * as a string holding the JSON; null when absent.
     */
    JsonNode jsonObject(String name) {
        JsonNode value = values.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (value.isObject()) {
            return value;
        }
        if (!value.isTextual()) {
            throw DingTalkException.invalidParameter(name);
        }
        JsonNode parsed = JsonText.parse(value.asText());
        if (parsed == null || !parsed.isObject()) {
            throw DingTalkException.invalidParameter(name);
        }
        return parsed;
    }
}
