package hk.lantau.openplatform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A family of endpoints whose clients expect their own error shape rather than problem details,
 * such as DingTalk's compatible paths. The rate limiter asks each one whether a request is theirs,
 * limits it like any other (token requests per source address, app calls per app), and lets the
 * family write the refusal.
 */
public interface RateLimitAnswers {

    /** Whether the request belongs to this family. */
    boolean answers(HttpServletRequest request);

    /** Whether the request exchanges credentials for a token, limited per source address. */
    boolean tokenRequest(HttpServletRequest request);

    /** Writes the refusal of a call over its limit; nothing of the call has run. */
    void refuse(HttpServletRequest request, HttpServletResponse response, long limitPerMinute, long retryAfterSeconds)
            throws IOException;
}
