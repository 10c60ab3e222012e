package hk.lantau.approval.internal.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DingTalk's string encodings of values, read leniently (as the old SDK sends them) and written
 * canonically (as DingTalk's API answers).
 */
final class Encodings {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Keys under which the old SDK put the id of a listed object (contacts, attachments). */
    private static final List<String> ID_KEYS = List.of("fileId", "userId", "userid", "emplId", "id");

    private Encodings() {
    }

    /** A plain or thousands-grouped decimal; null when it is not one. */
    static BigDecimal number(String raw) {
        String s = raw.strip();
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!PLAIN.matcher(s).matches() || s.length() > 40) {
            return null;
        }
        return new BigDecimal(s);
    }

    /** A date in the given format; null when it does not parse. */
    static Object date(String raw, String format) {
        try {
            return Kinds.DATE_TIME.equals(format)
                    ? LocalDateTime.parse(raw.strip(), DATE_TIME) : LocalDate.parse(raw.strip(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String formatDate(Object date) {
        return date instanceof LocalDateTime t ? DATE_TIME.format(t) : DATE.format((LocalDate) date);
    }

    /**
     * A list sent as a JSON array string (of strings, numbers, or objects carrying an id) or as a
     * comma-separated string. Empty entries are dropped.
     */
    static List<String> list(String raw) {
        String s = raw.strip();
        List<String> out = new ArrayList<>();
        if (s.startsWith("[")) {
            JsonNode node = tree(s);
            if (!node.isArray()) {
                throw malformed();
            }
            for (JsonNode item : node) {
                String value = scalar(item);
                if (value == null) {
                    throw malformed();
                }
                if (!value.isBlank()) {
                    out.add(value.strip());
                }
            }
            return out;
        }
        for (String part : s.split("[,，]")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String scalar(JsonNode item) {
        if (item.isTextual() || item.isNumber()) {
            return item.asText();
        }
        if (item.isObject()) {
            for (String key : ID_KEYS) {
                JsonNode id = item.get(key);
                if (id != null && (id.isTextual() || id.isNumber())) {
                    return id.asText();
                }
            }
        }
        return null;
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed();
        }
    }

    /** A cell of a table row as text: strings as they are, anything else as its JSON. */
    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    static String array(Collection<?> items) {
        ArrayNode array = JSON.createArrayNode();
        for (Object item : items) {
            if (item instanceof Long l) {
                array.add(l);
            } else {
                array.add(String.valueOf(item));
            }
        }
        return array.toString();
    }

    static FieldProblem malformed() {
        return new FieldProblem("approval.field_malformed", "The value is not in a form this field accepts.");
    }
}
