package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.compliance.ComplianceSpringTest;
import hk.lantau.compliance.ReencryptionParticipant;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A key rotation reseals approval attachments. On the compliance tests' own database and keys,
 * since rotating the keys of the database the API tests share would strand other test contexts.
 */
class ApprovalAttachmentKeyRotationTest extends ComplianceSpringTest {

    private static final String PARTICIPANT = "hk.lantau.approval.internal.engine.AttachmentReencryption";

    @Autowired
    private ApprovalAttachments attachments;
    @Autowired
    private List<ReencryptionParticipant> participants;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void rotationResealsEveryFileWhichStillDownloads() throws Exception {
        long tenant = organisation();
        Actor amy = new Actor(ActorKind.USER, tenant, "amy", null, "Amy", Set.of(), null, null);
        List<String> files = ActorScope.callAs(amy, () -> List.of(
                attachments.upload(tenant, "a.txt", "text/plain", "Dr Chan: rest".getBytes(StandardCharsets.UTF_8))
                        .fileId(),
                attachments.upload(tenant, "b.txt", "text/plain", "receipt".getBytes(StandardCharsets.UTF_8))
                        .fileId()));
        List<byte[]> before = files.stream().map(f -> content(tenant, f)).toList();

        Object rotation = context.getBean(Class.forName("hk.lantau.compliance.internal.KeyRotation"));
        Object result = ActorScope.callAs(Actor.system("test"), () -> ReflectionTestUtils.invokeMethod(rotation,
                "rotate"));

        Map<String, Integer> rewritten = ReflectionTestUtils.invokeMethod(result, "rewritten");
        assertThat(rewritten).containsEntry(PARTICIPANT, 2);
        for (int i = 0; i < files.size(); i++) {
            assertThat(content(tenant, files.get(i))).isNotEqualTo(before.get(i));
        }
        String fileId = files.get(0);
        assertThat(new String(ActorScope.callAs(amy, () -> attachments.download(tenant, fileId)).content(),
                StandardCharsets.UTF_8)).isEqualTo("Dr Chan: rest");

        // Files already under the new key are left alone.
        ReencryptionParticipant participant = participants.stream()
                .filter(p -> AopUtils.getTargetClass(p).getName().equals(PARTICIPANT)).findFirst().orElseThrow();
        byte[] resealed = content(tenant, fileId);
        assertThat(participant.reencryptAll((t, field, cipher) -> cipher)).isZero();
        assertThat(content(tenant, fileId)).isEqualTo(resealed);
    }

    private long organisation() {
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.parse("2026-03-02T01:30:00Z"));
        jdbc.sql("""
                        insert into tenant (corp_id, name, region, time_zone, edition, status, created_at, updated_at)
                        values (:corp, 'Rotation Ltd', 'HK', 'Asia/Hong_Kong', 'STANDARD', 'ACTIVE', :now, :now)""")
                .param("corp", "ding" + System.nanoTime()).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    private byte[] content(long tenant, String fileId) {
        return jdbc.sql("select content from apr_attachment where tenant_id = :t and file_id = :f")
                .param("t", tenant).param("f", fileId).query(byte[].class).single();
    }
}
