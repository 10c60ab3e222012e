package hk.lantau.approval;

import java.time.Instant;
import java.util.List;

/** An instance reached a CC step, or finished with CCs to tell; these people were copied. */
public record ApprovalCopied(long tenantId, String instanceId, String processCode, String title,
                             String originatorUserId, List<String> ccUserIds, Instant at) {

    public ApprovalCopied {
        ccUserIds = List.copyOf(ccUserIds);
    }
}
