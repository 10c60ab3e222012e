package hk.lantau.approval;

import java.time.Instant;
import java.util.List;

/**
 * One line of an instance's history, shaped like DingTalk's {@code operation_records}.
 *
 * @param userId   who acted; {@code null} when Lantau did (time-outs, skipped steps)
 * @param result   AGREE or REFUSE for decisions, {@code null} otherwise
 * @param ccUserIds for {@link OperationType#PROCESS_CC}, who was copied
 */
public record OperationRecord(String userId, Instant date, OperationType type, InstanceResult result,
                              String remark, List<AttachmentRef> attachments, List<String> ccUserIds,
                              String activityId, String showName) {

    public OperationRecord {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        ccUserIds = ccUserIds == null ? List.of() : List.copyOf(ccUserIds);
    }
}
