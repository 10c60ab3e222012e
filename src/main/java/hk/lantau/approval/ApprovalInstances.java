package hk.lantau.approval;

import hk.lantau.shared.CursorPage;

/**
 * Approval instances. An instance is visible to its originator, its approvers (current and past),
 * its CCs and holders of {@code approval.read}; to anyone else it is 404.
 */
public interface ApprovalInstances {

    /** Validates the form and starts the template's enabled latest version; 400 with the fields at fault. */
    InstanceView submit(long tenantId, NewInstance submission);

    InstanceView get(long tenantId, String instanceId);

    /** Newest first. */
    CursorPage<InstanceSummary> search(long tenantId, InstanceQuery query, String cursor, int limit);

    /** The originator takes back a running instance; 403 for anyone else, 409 once it has ended. */
    InstanceView withdraw(long tenantId, String instanceId, String remark);

    /** An approval admin (or an app with {@code approval.write}) ends a running instance. */
    InstanceView terminate(long tenantId, String instanceId, String remark);

    /** Anyone who can see the instance adds a comment, optionally with attachments. */
    InstanceView comment(long tenantId, String instanceId, String text, java.util.List<String> attachmentIds);
}
