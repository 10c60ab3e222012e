package hk.lantau.web.attendance;

import hk.lantau.shared.LantauException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.multipart.MultipartFile;

/** Reads an uploaded text file (a CSV or iCalendar file) of at most 1 MiB as UTF-8. */
final class Uploads {

    private static final long MAX_BYTES = 1024 * 1024;

    private Uploads() {
    }

    static String text(MultipartFile file, String field, String code) {
        if (file == null || file.isEmpty()) {
            throw LantauException.invalidField(field, code, "Choose a file.");
        }
        if (file.getSize() > MAX_BYTES) {
            throw LantauException.invalidField(field, code, "The file is larger than 1 MiB.");
        }
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
