package hk.lantau.openplatform;

import java.time.Instant;

/**
 * One API call of an app.
 *
 * @param path      the endpoint's path template (e.g. {@code /api/v1/users/{userId}}), or the path as
 *                  called when no endpoint matched or the call was refused before reaching one
 * @param latencyMs from the call reaching the rate limiter to its response
 */
public record AccessLogEntry(long id, Instant occurredAt, String appKey, String method, String path, int status,
                             int latencyMs, String ip, String requestId) {
}
