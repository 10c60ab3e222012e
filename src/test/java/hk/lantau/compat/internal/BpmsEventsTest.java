package hk.lantau.compat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalSubmitted;
import hk.lantau.approval.ApprovalTaskAssigned;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.TaskOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The approval events as DingTalk's callback data, checked against the documented examples' fields. */
class BpmsEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-03-02T03:30:00Z");
    private static final String CORP = "ding0123456789abcdef";

    @Test
    void instanceChangesCarryDingTalksFields() throws IOException {
        Set<String> documented = fields(fixture("bpms-instance-change.event.json").get("stream").get("data"));
        documented.add("corpId"); // HTTP callbacks carry the organisation

        Map<String, Object> start = BpmsEvents.instanceChange(new ApprovalSubmitted(7L, "i-1", "PROC-1", 1,
                "Leave", "mchan", 1L, CREATED), CORP);
        assertThat(start.keySet()).isSubsetOf(documented);
        assertThat(start).containsEntry("type", "start").containsEntry("staffId", "mchan")
                .containsEntry("createTime", CREATED.toEpochMilli()).containsEntry("processInstanceId", "i-1")
                .containsEntry("processCode", "PROC-1").containsEntry("corpId", CORP)
                .doesNotContainKeys("result", "finishTime");

        Map<String, Object> finish = BpmsEvents.instanceChange(new ApprovalFinished(7L, "i-1", "PROC-1", "Leave",
                "mchan", InstanceStatus.COMPLETED, InstanceResult.REFUSE, "boss", CREATED, FINISHED), CORP);
        assertThat(finish.keySet()).isSubsetOf(documented);
        assertThat(finish).containsEntry("type", "finish").containsEntry("result", "refuse")
                .containsEntry("staffId", "mchan").containsEntry("finishTime", FINISHED.toEpochMilli());

        for (InstanceStatus ended : new InstanceStatus[] {InstanceStatus.TERMINATED, InstanceStatus.CANCELED}) {
            Map<String, Object> terminate = BpmsEvents.instanceChange(new ApprovalFinished(7L, "i-1", "PROC-1",
                    "Leave", "mchan", ended, null, "admin", CREATED, FINISHED), null);
            assertThat(terminate).containsEntry("type", "terminate").doesNotContainKeys("result", "corpId");
        }
    }

    @Test
    void taskChangesCarryDingTalksFields() throws IOException {
        Set<String> documented = fields(fixture("bpms-task-change.event.json").get("stream").get("data"));
        documented.add("corpId");

        Map<String, Object> start = BpmsEvents.taskChange(new ApprovalTaskAssigned(7L, "i-1", 811165L, "PROC-1",
                "Leave", "mchan", "boss", "lead", CREATED, null), CORP);
        assertThat(start.keySet()).isSubsetOf(documented);
        assertThat(start).containsEntry("type", "start").containsEntry("staffId", "boss")
                .containsEntry("taskId", 811165L).containsEntry("createTime", CREATED.toEpochMilli());

        Map<String, Object> finish = BpmsEvents.taskChange(new ApprovalTaskFinished(7L, "i-1", 811165L, "PROC-1",
                "Leave", "mchan", "boss", "lead", TaskOutcome.FINISH, InstanceResult.AGREE, "Fine", false, null,
                FINISHED), CORP);
        assertThat(finish.keySet()).isSubsetOf(documented);
        assertThat(finish).containsEntry("type", "finish").containsEntry("result", "agree")
                .containsEntry("remark", "Fine").containsEntry("finishTime", FINISHED.toEpochMilli());

        Map<String, Object> cancel = BpmsEvents.taskChange(new ApprovalTaskFinished(7L, "i-1", 811166L, "PROC-1",
                "Leave", "mchan", "other", "lead", TaskOutcome.CANCEL, null, null, true, null, FINISHED), CORP);
        assertThat(cancel).containsEntry("type", "cancel").doesNotContainKeys("result", "remark");
        Map<String, Object> redirect = BpmsEvents.taskChange(new ApprovalTaskFinished(7L, "i-1", 811167L, "PROC-1",
                "Leave", "mchan", "boss", "lead", TaskOutcome.REDIRECT, null, "Away", false, "deputy", FINISHED), CORP);
        assertThat(redirect).containsEntry("type", "redirect").containsEntry("staffId", "boss")
                .doesNotContainKeys("result", "remark");
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = BpmsEventsTest.class.getResourceAsStream("/compat/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
