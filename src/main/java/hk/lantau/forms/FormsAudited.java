package hk.lantau.forms;

import hk.lantau.shared.AuditableEvent;

/** A smart-form change that belongs in the audit trail. Never carries answers. */
public interface FormsAudited extends AuditableEvent {
}
