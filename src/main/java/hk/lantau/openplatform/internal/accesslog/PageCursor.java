package hk.lantau.openplatform.internal.accesslog;

import hk.lantau.shared.LantauException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page of the access log ended: the time and id of its last entry, opaque to clients. */
record PageCursor(Instant occurredAt, long id) {

    private static final String PREFIX = "l1:";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (PREFIX + occurredAt.getEpochSecond() + ":" + occurredAt.getNano() + ":" + id)
                        .getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                String[] parts = text.substring(PREFIX.length()).split(":");
                if (parts.length == 3) {
                    return new PageCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                            Long.parseLong(parts[2]));
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // Falls through to the error below; NumberFormatException is an IllegalArgumentException.
        }
        throw LantauException.invalidField("cursor", "openplatform.cursor_invalid",
                "The cursor is not one this list returned.");
    }
}
