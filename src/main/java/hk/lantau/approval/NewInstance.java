package hk.lantau.approval;

import java.util.List;
import java.util.Map;

/**
 * A submission.
 *
 * @param originatorUserId who submits: the current person (may be omitted), or the person an app
 *                         submits for
 * @param departmentId     the originator's department it is submitted from; their first one when
 *                         omitted
 * @param approverChoices  people chosen for steps of kind {@code ORIGINATOR_CHOICE}, by choice key
 * @param clientRequestId  makes a retried submission idempotent for the same originator
 */
public record NewInstance(String processCode, String originatorUserId, Long departmentId,
                          List<FormValue> formValues, Map<String, List<String>> approverChoices,
                          List<String> attachmentIds, String clientRequestId) {

    public NewInstance {
        formValues = formValues == null ? List.of() : List.copyOf(formValues);
        approverChoices = approverChoices == null ? Map.of() : Map.copyOf(approverChoices);
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
