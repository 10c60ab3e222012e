package hk.lantau.openplatform.internal.accesslog;

import java.time.Instant;

/** A call waiting in memory to be written to the access log. */
record CallRecord(long tenantId, String appKey, Instant occurredAt, String method, String path, int status,
                  int latencyMs, String ip, String requestId) {
}
