package hk.lantau.openplatform.internal.events;

import hk.lantau.shared.LantauException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The opaque cursor of the delivery log: the event time and id of the last delivery shown. */
record DeliveryCursor(Instant eventTime, long id) {

    String encode() {
        String text = eventTime.getEpochSecond() + "." + eventTime.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static DeliveryCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("[.:]");
            if (parts.length == 3) {
                return new DeliveryCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // falls through to the same answer as a cursor of the wrong shape
        }
        throw LantauException.invalidField("cursor", "openplatform.cursor_invalid", "This cursor is not valid.");
    }
}
