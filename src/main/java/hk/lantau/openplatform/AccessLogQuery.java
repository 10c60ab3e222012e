package hk.lantau.openplatform;

import hk.lantau.shared.LantauException;
import java.time.Instant;

/**
 * Filters of the access log; {@code null} means "any".
 *
 * @param from        inclusive
 * @param to          exclusive
 * @param statusClass 2 to 5, for 2xx to 5xx responses
 */
public record AccessLogQuery(Instant from, Instant to, Integer statusClass) {

    public AccessLogQuery {
        if (statusClass != null && (statusClass < 1 || statusClass > 5)) {
            throw LantauException.invalidField("status", "openplatform.status_class_invalid",
                    "Use a status class from 1xx to 5xx, e.g. 4xx.");
        }
    }

    public static AccessLogQuery all() {
        return new AccessLogQuery(null, null, null);
    }

    /** Reads {@code 4xx} (or {@code 4}) as 4; blank as any. */
    public static Integer statusClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("[1-5](xx)?")) {
            return text.charAt(0) - '0';
        }
        throw LantauException.invalidField("status", "openplatform.status_class_invalid",
                "Use a status class from 1xx to 5xx, e.g. 4xx.");
    }
}
