package hk.lantau.messaging.internal.notice;

import hk.lantau.shared.LantauException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the last userid or id of the page before. */
final class Cursor {

    private Cursor() {
    }

    static String encode(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeUserId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static Long decodeId(String cursor) {
        String value = decodeUserId(cursor);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static LantauException invalid() {
        return LantauException.invalidField("cursor", "messaging.notification_cursor_invalid",
                "This cursor is not valid.");
    }
}
