package hk.lantau.messaging;

import hk.lantau.shared.LantauException;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/** A DING refused because its sender or organisation has sent as many as allowed for now (HTTP 429). */
public class DingRateLimitedException extends LantauException {

    public static final String CODE = "messaging.ding_rate_limited";

    private final transient Instant retryAt;

    public DingRateLimitedException(String detail, Instant retryAt) {
        super(HttpStatus.TOO_MANY_REQUESTS, CODE, detail + " Try again after " + retryAt + ".");
        this.retryAt = retryAt;
    }

    /** When the same DING would be accepted again, if nothing else is sent meanwhile. */
    public Instant retryAt() {
        return retryAt;
    }
}
