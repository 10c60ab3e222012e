package hk.lantau.compliance;

import hk.lantau.shared.ActorKind;
import java.time.Instant;

/**
 * One record of the audit trail.
 *
 * @param chain    the organisation's id, or 0 for installation-wide records
 * @param seq      the position in the chain, from 1 without gaps
 * @param changes  a JSON object summarising the change; never a protected value in clear
 * @param prevHash the previous record's hash (64 zeros for the first)
 * @param hash     HMAC-SHA256 over this record's fields and {@code prevHash}
 */
public record AuditEntry(long chain, long seq, Instant occurredAt, ActorKind actorKind, String actorReference,
                         String actorName, String ip, String requestId, String action, String targetType,
                         String targetId, String changes, String prevHash, String hash) {
}
