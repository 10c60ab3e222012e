package hk.lantau.compliance;

import java.time.Instant;

/**
 * Filters for reading the audit trail; {@code null} means "any".
 *
 * @param actionPrefix   e.g. {@code directory.} or {@code directory.user.created}
 * @param actorReference e.g. {@code user:mchan}
 * @param from           inclusive
 * @param to             exclusive
 */
public record AuditQuery(String actionPrefix, String actorReference, String targetType, String targetId,
                         Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
