package hk.lantau.shared;

import java.util.Map;

/**
 * A domain event that belongs in the audit trail. The trail records it synchronously, inside the
 * transaction that published it, so a change and its audit record commit or roll back together.
 * {@link #changes()} must never carry a protected value in clear: pass masked values or field names.
 */
public interface AuditableEvent {

    /** The organisation, or {@code null} for installation-wide actions. */
    Long tenantId();

    /** A stable verb such as {@code directory.user.created}. */
    String action();

    /** What was acted on, e.g. {@code user} and its userid. */
    String targetType();

    String targetId();

    /** A summary of what changed, safe to show to auditors. */
    Map<String, Object> changes();
}
