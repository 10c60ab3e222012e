package hk.lantau.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.attendance.internal.PayrollPushJob;
import hk.lantau.support.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Pushes to an embedded Apache MINA SSHD server on a random port with a temporary folder. */
class PayrollPushApiTest extends AttendanceApiTestSupport {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    PayrollPushJob job;

    @TempDir
    Path root;

    private SshServer sshd;
    private KeyPair clientKey;
    private String fingerprint;
    private final AtomicBoolean refuse = new AtomicBoolean();

    @BeforeEach
    void startServer() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        clientKey = generator.generateKeyPair();
        Files.createDirectories(root.resolve("inbox"));
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.setPasswordAuthenticator((user, password, session) ->
                !refuse.get() && "payroll".equals(user) && PASSWORD.equals(password));
        sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
        sshd.start();
        fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256,
                sshd.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
    }

    @AfterEach
    void stopServer() throws IOException {
        sshd.stop(true);
    }

    private Map<String, Object> destination(int port, String fingerprint) {
        return json("name", "Payroll Co", "host", "127.0.0.1", "port", port, "username", "payroll",
                "password", PASSWORD, "hostKeyFingerprint", fingerprint, "remoteFolder", "/inbox",
                "fileNamePattern", "lantau-{period}.{ext}", "format", "CSV", "encoding", "UTF_8",
                "schedule", "DAILY", "time", "08:00", "maxRetries", 2, "retryMinutes", 10);
    }

    private static long create(Api admin, Map<String, Object> body) {
        var created = admin.post("/api/v1/attendance/sftp-destinations", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("PRIVATE KEY");
        return created.json().get("id").asLong();
    }

    @Test
    void pushWithPasswordWritesTheExactFileAndLogsIt() throws Exception {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        Person p = staff(org, "REFUSE", 1).get(0);
        at(day, LocalTime.of(9, 0));
        punchInside(p);
        Api admin = again(admin(org)).api();
        long id = create(admin, destination(sshd.getPort(), fingerprint));

        var pushed = admin.post("/api/v1/attendance/sftp-destinations/" + id + "/push",
                json("from", day.toString(), "to", day.toString()));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.json().get("outcome").asText()).as(pushed.body()).isEqualTo("DELIVERED");
        Path file = root.resolve("inbox").resolve("lantau-" + day + "_" + day + ".csv");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(pushed.json().get("bytes").asLong()).isEqualTo(bytes.length);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Payroll code,User ID,Name,").contains("," + p.userId() + ",Staff 0,");
        try (var listing = Files.list(root.resolve("inbox"))) {
            assertThat(listing.map(f -> f.getFileName().toString()).toList()).as("no temporary file left")
                    .containsExactly(file.getFileName().toString());
        }
        var log = admin.get("/api/v1/attendance/sftp-destinations/" + id + "/deliveries");
        assertThat(log.json()).hasSize(1);
        assertThat(log.json().get(0).get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(admin.get("/api/v1/attendance/sftp-destinations/" + id).body()).doesNotContain(PASSWORD);
        assertThat(count("select count(*) from att_sftp_destination where tenant_id = ? and password_sealed like ?",
                tenantId(org), "%" + PASSWORD + "%")).as("the password is sealed").isZero();

        Org other = newOrganisation();
        for (var response : List.of(other.admin().get("/api/v1/attendance/sftp-destinations/" + id),
                other.admin().post("/api/v1/attendance/sftp-destinations/" + id + "/push", json()),
                other.admin().get("/api/v1/attendance/sftp-destinations/" + id + "/deliveries"),
                other.admin().put("/api/v1/attendance/sftp-destinations/" + id, destination(22, fingerprint)),
                other.admin().delete("/api/v1/attendance/sftp-destinations/" + id))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("attendance.sftp_destination_not_found");
        }
        assertThat(admin.get("/api/v1/attendance/sftp-destinations/" + id + "/deliveries").json()).hasSize(1);
        assertThat(p.api().get("/api/v1/attendance/sftp-destinations").status()).isEqualTo(403);
    }

    @Test
    void pushWithAPrivateKeyAndRefusalsForAWrongHostKeyOrAnUnreachableHost() throws Exception {
        newWorkDate();
        Org org = newOrganisation();
        Api admin = org.admin();
        Map<String, Object> keyed = destination(sshd.getPort(), fingerprint);
        keyed.remove("password");
        var pem = new java.io.ByteArrayOutputStream();
        new OpenSSHKeyPairResourceWriter().writePrivateKey(clientKey, "payroll", null, pem);
        keyed.put("privateKey", pem.toString(StandardCharsets.US_ASCII));
        long id = create(admin, keyed);
        var pushed = admin.post("/api/v1/attendance/sftp-destinations/" + id + "/push", json());
        assertThat(pushed.json().get("outcome").asText()).as(pushed.body()).isEqualTo("DELIVERED");
        assertThat(admin.get("/api/v1/attendance/sftp-destinations/" + id).json().get("authentication").asText())
                .isEqualTo("PRIVATE_KEY");

        String wrong = "SHA256:" + "A".repeat(43);
        long pinnedWrong = create(admin, destination(sshd.getPort(), wrong));
        var mismatch = admin.post("/api/v1/attendance/sftp-destinations/" + pinnedWrong + "/push", json());
        assertThat(mismatch.json().get("outcome").asText()).isEqualTo("FAILED");
        assertThat(mismatch.json().get("errorCode").asText()).as(mismatch.body()).isEqualTo("host_key_mismatch");

        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long unreachable = create(admin, destination(closed, fingerprint));
        var down = admin.post("/api/v1/attendance/sftp-destinations/" + unreachable + "/push", json());
        assertThat(down.json().get("errorCode").asText()).as(down.body()).isEqualTo("host_unreachable");
        try (var listing = Files.list(root.resolve("inbox"))) {
            assertThat(listing.count()).as("only the key-authenticated push arrived").isEqualTo(1);
        }

        var invalid = admin.post("/api/v1/attendance/sftp-destinations", json("name", "x", "host", "h",
                "username", "u", "hostKeyFingerprint", "MD5:aa", "schedule", "WEEKLY"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("attendance.sftp_destination_invalid");
    }

    @Test
    void aScheduledPushIsRetriedAfterAFailureAndThenDelivered() throws Exception {
        LocalDate day = newWorkDate();
        Org org = newOrganisation();
        Api admin = org.admin();
        long id = create(admin, destination(sshd.getPort(), fingerprint));
        refuse.set(true);

        at(day, LocalTime.of(8, 0));
        job.run();
        JsonNode first = admin.get("/api/v1/attendance/sftp-destinations/" + id + "/deliveries").json();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(first.get(0).get("errorCode").asText()).isEqualTo("auth_failed");
        assertThat(first.get(0).get("periodFrom").asText()).isEqualTo(day.minusDays(1).toString());
        assertThat(first.get(0).get("nextAttemptAt").isNull()).isFalse();

        clock.advance(Duration.ofMinutes(5));
        job.run();
        assertThat(admin.get("/api/v1/attendance/sftp-destinations/" + id + "/deliveries").json())
                .as("not yet due").hasSize(1);

        refuse.set(false);
        clock.advance(Duration.ofMinutes(6));
        job.run();
        JsonNode log = admin.get("/api/v1/attendance/sftp-destinations/" + id + "/deliveries").json();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(log.get(0).get("attempt").asInt()).isEqualTo(2);
        assertThat(Files.exists(root.resolve("inbox").resolve("lantau-" + day.minusDays(1) + "_" + day.minusDays(1)
                + ".csv"))).isTrue();
        JsonNode destination = admin.get("/api/v1/attendance/sftp-destinations/" + id).json();
        assertThat(destination.get("nextRunAt").asText()).as("the next day's slot")
                .isEqualTo(day.plusDays(1).atTime(8, 0).atZone(HK).toInstant().toString());
    }
}
