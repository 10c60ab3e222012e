package hk.lantau.directory.internal;

import hk.lantau.shared.LantauException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque paging cursors: the sort key of the last item shown, encoded so clients do not parse it. */
final class Cursors {

    private static final String SEPARATOR = "\u0000";

    private Cursors() {
    }

    static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor this service made, or a 400 naming {@code cursor}. */
    static List<String> decode(String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> result = List.of(text.split(SEPARATOR, -1));
            if (result.size() == parts) {
                return result;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as a cursor of the wrong shape
        }
        throw LantauException.invalidField("cursor", "directory.cursor_invalid", "This cursor is not valid.");
    }
}
