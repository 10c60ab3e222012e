package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.approval.internal.engine.AttachmentRetention;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads no approval took up are deleted a day later; files in use stay. */
class ApprovalAttachmentRetentionApiTest extends ApprovalApiTestSupport {

    @Autowired
    private AttachmentRetention retention;

    @Test
    void uploadsNobodyUsedGoAfterADayAndUsedOnesStay() {
        Org org = newOrganisation();
        Person staff = person(org, "Kit Ma");
        Person boss = person(org, "Lou Ng");
        String code = createTemplate(admin(org).api(), template("Leave", List.of(
                approverStep("lead", "SEQUENTIAL", boss.userId()))));
        String forgotten = upload(staff.api(), "forgotten.txt", "draft");
        String used = upload(staff.api(), "used.txt", "receipt");

        clock.advance(Duration.ofHours(23));
        retention.run();
        staff = again(staff);
        boss = again(boss);
        assertThat(staff.api().get("/api/v1/approvals/attachments/" + forgotten).status()).isEqualTo(200);
        var submitted = submitRaw(staff.api(), json("processCode", code, "formValues", values("reason", "x"),
                "attachmentIds", List.of(used)));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String late = upload(staff.api(), "late.txt", "just now");

        clock.advance(Duration.ofHours(2));
        retention.run();
        staff = again(staff);
        boss = again(boss);

        assertThat(staff.api().get("/api/v1/approvals/attachments/" + forgotten).status()).isEqualTo(404);
        assertThat(staff.api().get("/api/v1/approvals/attachments/" + used).status()).isEqualTo(200);
        assertThat(boss.api().get("/api/v1/approvals/attachments/" + used).body()).isEqualTo("receipt");
        assertThat(staff.api().get("/api/v1/approvals/attachments/" + late).status()).isEqualTo(200);
        assertThat(count("select count(*) from apr_attachment where tenant_id = ?", tenantId(org))).isEqualTo(2);
        var tooLate = submitRaw(staff.api(), json("processCode", code, "formValues", values("reason", "x"),
                "attachmentIds", List.of(forgotten)));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().get("code").asText()).isEqualTo("approval.attachment_unknown");
        assertThat(count("select count(*) from apr_instance where tenant_id = ?", tenantId(org))).isEqualTo(1);
    }
}
