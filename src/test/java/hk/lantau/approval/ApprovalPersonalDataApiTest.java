package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.PersonalDataContributor;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Approvals' part of data-access requests and erasure, with the data made through the API. */
class ApprovalPersonalDataApiTest extends ApprovalApiTestSupport {

    @Autowired
    private List<PersonalDataContributor> contributors;

    /**
     * Amy submits leave (with a file) that Ben agrees, comments with a file, uploads a file she never
     * uses, decides Ben's request and is copied on it; an older request of hers ended long ago.
     */
    private record World(Org org, Person amy, Person ben, String leave, String old, String bens, String certificate,
                         String note, String unused, String oldFile) {
    }

    private World world() {
        Org org = newOrganisation();
        Person hr = admin(org);
        Person amy = person(org, "Amy Wong");
        Person ben = person(org, "Ben Lee");
        Map<String, Object> toBen = template("Annual leave", List.of(approverStep("lead", "SEQUENTIAL", ben.userId())));
        toBen.put("titleTemplate", "${originatorName}: ${field.days} days");
        String code = createTemplate(hr.api(), toBen);
        String toAmy = createTemplate(hr.api(), template("Overtime", List.of(ccStep("copy", amy.userId()),
                approverStep("lead", "SEQUENTIAL", amy.userId()))));

        String certificate = upload(amy.api(), "cert.txt", "Dr Chan: rest");
        String leave = submit(amy.api(), code, values("reason", "Family trip", "days", "3"), certificate);
        decide(ben.api(), pendingTask(ben.api(), ben.userId(), leave), "agree");
        String note = upload(amy.api(), "note.txt", "Flight times");
        var comment = amy.api().post("/api/v1/approvals/" + leave + "/comments",
                json("text", "Back on Monday", "attachmentIds", List.of(note)));
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        String unused = upload(amy.api(), "draft.txt", "never sent");

        String oldFile = upload(amy.api(), "old.txt", "Dental receipt");
        String old = submit(amy.api(), code, values("reason", "Dentist", "days", "1"), oldFile);
        decide(ben.api(), pendingTask(ben.api(), ben.userId(), old), "agree");
        jdbc.sql("update apr_instance set finished_at = :at where tenant_id = :t and instance_id = :id")
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(2600))))
                .param("t", tenantId(org)).param("id", old).update();

        String bens = submitLeave(ben.api(), toAmy, 2);
        var decided = decideRaw(amy.api(), pendingTask(amy.api(), amy.userId(), bens), "agree", "Fine by me");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return new World(org, amy, ben, leave, old, bens, certificate, note, unused, oldFile);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportHoldsEachKindOfRecordAndOnlyThePersonsOwn() {
        World w = world();

        Map<String, Object> export = export(w.org(), w.amy().userId());

        List<Map<String, Object>> submissions = items(export, "submissions");
        assertThat(submissions).extracting(s -> s.get("instanceId")).containsExactlyInAnyOrder(w.leave(), w.old());
        Map<String, Object> leave = submissions.stream().filter(s -> s.get("instanceId").equals(w.leave()))
                .findFirst().orElseThrow();
        assertThat(leave).containsEntry("title", "Amy Wong: 3 days").containsEntry("status", "COMPLETED")
                .containsEntry("result", "agree").containsKey("createdAt").containsKey("finishedAt");
        assertThat((List<Map<String, Object>>) leave.get("formValues")).extracting(v -> v.get("value"))
                .contains("Family trip", "3");
        assertThat(section(export, "submissions")).containsEntry("total", 2L).containsEntry("truncated", false);

        assertThat(items(export, "tasks")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("instanceId", w.bens()).containsEntry("status", "COMPLETED")
                .containsEntry("result", "agree").containsEntry("activityId", "lead"));
        assertThat(items(export, "actions")).extracting(a -> a.get("type")).containsExactlyInAnyOrder(
                "START_PROCESS_INSTANCE", "START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL");
        assertThat(items(export, "actions")).filteredOn(a -> a.get("type").equals("EXECUTE_TASK_NORMAL"))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("remark", "Fine by me"));
        assertThat(items(export, "comments")).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("instanceId", w.leave()).containsEntry("text", "Back on Monday");
            assertThat((List<Map<String, Object>>) c.get("attachments")).singleElement()
                    .satisfies(f -> assertThat(f).containsEntry("fileId", w.note()));
        });
        assertThat(items(export, "copies")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("instanceId", w.bens()).containsKey("copiedAt"));
        assertThat(items(export, "attachments")).extracting(f -> f.get("fileName"))
                .containsExactlyInAnyOrder("cert.txt", "note.txt", "draft.txt", "old.txt");
        assertThat(items(export, "attachments")).allSatisfy(f -> assertThat(f).containsKeys("fileSize", "fileType")
                .doesNotContainKey("content"));

        // Ben's export has his own records, and the same userid elsewhere has nothing.
        Map<String, Object> bens = export(w.org(), w.ben().userId());
        assertThat(items(bens, "submissions")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("instanceId", w.bens()));
        assertThat(items(bens, "tasks")).hasSize(2);
        assertThat(items(bens, "comments")).isEmpty();
        Map<String, Object> elsewhere = export(newOrganisation(), w.amy().userId());
        for (String list : List.of("submissions", "tasks", "actions", "comments", "copies", "attachments")) {
            assertThat(items(elsewhere, list)).as(list).isEmpty();
        }
    }

    @Test
    void erasureKeepsTheRecordOfDecisionsAndRemovesWhatIsOnlyTheirs() {
        World w = world();
        long tenant = tenantId(w.org());
        String amy = w.amy().userId();

        var result = erase(w.org(), amy);

        assertThat(result.section()).isEqualTo("approval");
        assertThat(result.retained()).containsKeys("decisions", "submissions", "runningApprovals", "history",
                "othersRecords");
        // The unused upload, the comment, its file, the old submission's file and the copy.
        assertThat(result.erased()).isEqualTo(5);
        assertThat(result.anonymised()).isEqualTo(1);
        assertThat(String.join("\n", auditChanges(w.org()))).contains("\"commentsEmptied\":1",
                "\"submissionFormsEmptied\":1", "\"unusedUploadsDeleted\":1");
        assertThat(auditCount(w.org(), "approval.personal_data.erased")).isEqualTo(1);

        // Files: only the recent submission's certificate is left.
        assertThat(jdbc.sql("select file_id from apr_attachment where tenant_id = :t and uploaded_by = :u")
                .param("t", tenant).param("u", amy).query(String.class).list()).containsExactly(w.certificate());
        assertThat(w.ben().api().get("/api/v1/approvals/attachments/" + w.certificate()).status()).isEqualTo(200);
        assertThat(w.ben().api().get("/api/v1/approvals/attachments/" + w.note()).status()).isEqualTo(404);

        // The recent approval keeps its form; the comment keeps its place without text or files.
        JsonNode leave = instance(w.ben().api(), w.leave());
        assertThat(leave.get("title").asText()).isEqualTo("Amy Wong: 3 days");
        assertThat(leave.toString()).contains("Family trip");
        JsonNode comment = leave.get("operationRecords").get(leave.get("operationRecords").size() - 1);
        assertThat(comment.get("type").asText()).isEqualTo("ADD_REMARK");
        assertThat(comment.toString()).doesNotContain("Back on Monday", "note.txt");
        assertThat(operations(leave)).containsExactly("START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL",
                "FINISH_PROCESS_INSTANCE", "ADD_REMARK");

        // The old approval keeps who decided what, but no form, file or title naming her.
        JsonNode old = instance(w.ben().api(), w.old());
        assertThat(old.get("title").asText()).isEqualTo("Annual leave");
        assertThat(old.toString()).doesNotContain("Dentist", "old.txt", "Amy Wong");
        assertThat(old.get("result").asText()).isEqualTo("agree");
        assertThat(operations(old)).contains("START_PROCESS_INSTANCE", "EXECUTE_TASK_NORMAL");

        // Her decision on Ben's request stays with its remark; she is no longer a CC.
        JsonNode bens = instance(w.ben().api(), w.bens());
        assertThat(bens.toString()).contains("Fine by me");
        assertThat(count("select count(*) from apr_cc where tenant_id = ? and userid = ?", tenant, amy)).isZero();
        assertThat(count("select count(*) from apr_task where tenant_id = ? and assignee_userid = ?", tenant, amy))
                .isEqualTo(1);

        var again = erase(w.org(), amy);
        assertThat(again.erased()).isZero();
        assertThat(again.anonymised()).isZero();
        assertThat(auditCount(w.org(), "approval.personal_data.erased")).isEqualTo(1);
    }

    @Test
    void erasureTouchesOnlyThePersonInTheirOrganisation() {
        World w = world();
        World elsewhere = world();
        long tenant = tenantId(w.org());
        long benFiles = count("select count(*) from apr_attachment where tenant_id = ? and uploaded_by = ?", tenant,
                w.ben().userId());

        erase(w.org(), w.amy().userId());

        // Ben's and another organisation's records are whole.
        assertThat(count("select count(*) from apr_attachment where tenant_id = ? and uploaded_by = ?", tenant,
                w.ben().userId())).isEqualTo(benFiles);
        Map<String, Object> untouched = export(elsewhere.org(), elsewhere.amy().userId());
        assertThat(items(untouched, "comments")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("text", "Back on Monday"));
        assertThat(items(untouched, "attachments")).hasSize(4);
        assertThat(items(untouched, "copies")).hasSize(1);
        assertThat(instance(elsewhere.ben().api(), elsewhere.old()).toString()).contains("Dentist");
    }

    private static String submit(hk.lantau.support.Api api, String code, List<Map<String, Object>> values,
                                 String file) {
        var response = submitRaw(api, json("processCode", code, "formValues", values, "attachmentIds", List.of(file)));
        assertThat(response.status()).as("submit: %s", response.body()).isEqualTo(201);
        return response.json().get("instanceId").asText();
    }

    private Map<String, Object> export(Org org, String userId) {
        return ActorScope.callAs(Actor.system(tenantId(org), "test"), () -> approval().export(tenantId(org), userId));
    }

    private PersonalDataContributor.ErasureResult erase(Org org, String userId) {
        return ActorScope.callAs(Actor.system(tenantId(org), "test"), () -> approval().erase(tenantId(org), userId));
    }

    private PersonalDataContributor approval() {
        return contributors.stream().filter(c -> c.section().equals("approval")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> export, String name) {
        return (Map<String, Object>) export.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> export, String name) {
        return (List<Map<String, Object>>) section(export, name).get("items");
    }
}
