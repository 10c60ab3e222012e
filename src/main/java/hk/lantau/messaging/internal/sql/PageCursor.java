package hk.lantau.messaging.internal.sql;

import hk.lantau.shared.LantauException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the position after a page's last item, as one or more values. Clients pass
 * them back unchanged; anything else is a 400 with the caller's code.
 */
public final class PageCursor {

    private static final String SEPARATOR = "\n";

    private PageCursor() {
    }

    public static String encode(Object... values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's values, exactly {@code count} of them; null for no cursor (the first page). */
    public static List<String> decode(String cursor, int count, String code) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            List<String> values = List.of(new String(Base64.getUrlDecoder().decode(cursor.strip()),
                    StandardCharsets.UTF_8).split(SEPARATOR, -1));
            if (values.size() != count) {
                throw invalid(code);
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw invalid(code);
        }
    }

    /** A cursor of one number, such as the last id of the page before; null for no cursor. */
    public static Long decodeLong(String cursor, String code) {
        List<String> values = decode(cursor, 1, code);
        if (values == null) {
            return null;
        }
        try {
            return Long.valueOf(values.get(0));
        } catch (NumberFormatException e) {
            throw invalid(code);
        }
    }

    public static LantauException invalid(String code) {
        return LantauException.invalidField("cursor", code, "This cursor is not valid.");
    }
}
