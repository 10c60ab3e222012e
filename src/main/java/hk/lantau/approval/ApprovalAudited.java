package hk.lantau.approval;

import hk.lantau.shared.AuditableEvent;

/** An approval change that belongs in the audit trail. Never carries form values or comments. */
public interface ApprovalAudited extends AuditableEvent {
}
