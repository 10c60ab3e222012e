package hk.lantau.openplatform;

import static hk.lantau.support.RemoteSetup.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.RemoteSetup;
import hk.lantau.support.WebhookReceiver;
import hk.lantau.support.WebhookReceiver.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No webhook is lost when Lantau is killed in the middle of delivering: the packaged jar runs as a
 * separate process on a temporary H2 data directory, a CSV import commits a few hundred
 * {@code user.created} events while the receiver holds every request open, the process is killed
 * with SIGKILL, started again on the same data, and every event id must still arrive. Runs in the
 * failsafe phase, after the jar is packaged.
 */
class WebhookDurabilityProcessTest {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration DELIVERED = Duration.ofMinutes(3);
    private static final int PEOPLE = 300;
    private static final String OPERATOR_PASSWORD = "Op-" + UUID.randomUUID();

    private final List<Process> processes = new ArrayList<>();
    private Path dataDir;

    @AfterEach
    void stopAndClean() throws IOException {
        processes.forEach(Process::destroyForcibly);
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyEventArrivesAfterTheProcessIsKilledMidDelivery() throws Exception {
        dataDir = Files.createTempDirectory("lantau-kill-");
        int port = freePort();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Process first = start(port, "first");
            Api operator = RemoteSetup.signIn(new Api(base(port), null), "operator", OPERATOR_PASSWORD);
            Api admin = RemoteSetup.newOrganisationAdmin(operator, "FLAGSHIP");
            long appId = post(admin, "/api/v1/apps", Map.of("name", "Durable receiver", "purpose", "Kill test",
                    "scopes", List.of("event.subscribe", "user.read"), "ipAllowList", List.of())).get("id").asLong();
            post(admin, "/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
            post(admin, "/api/v1/apps/" + appId + "/subscriptions", Map.of("callbackUrl", receiver.url("/hooks"),
                    "eventTypes", List.of("user.created")));

            receiver.holdRequests();
            Set<String> userIds = importPeople(admin);
            receiver.await(1, Duration.ofSeconds(60));
            first.destroyForcibly().waitFor();
            int inFlight = receiver.received().size();
            receiver.release();

            start(port, "second");
            List<Received> arrived = awaitEveryEvent(receiver);

            assertThat(inFlight).as("requests in flight when the process was killed").isPositive();
            assertThat(arrived.stream().map(r -> r.json().get("data").get("userId").asText())
                    .collect(Collectors.toSet())).isEqualTo(userIds);
            JsonNode log = admin.get("/api/v1/apps/" + appId + "/deliveries?status=DELIVERED&limit=100").json();
            assertThat(log.get("items")).hasSize(100);
        }
    }

    private List<Received> awaitEveryEvent(WebhookReceiver receiver) throws InterruptedException {
        long end = System.nanoTime() + DELIVERED.toNanos();
        while (true) {
            List<Received> received = receiver.received();
            Map<String, Received> byEvent = received.stream()
                    .collect(Collectors.toMap(Received::eventId, r -> r, (a, b) -> a));
            if (byEvent.size() >= PEOPLE) {
                return List.copyOf(byEvent.values());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Only " + byEvent.size() + " of " + PEOPLE + " events arrived after the "
                        + "restart (" + received.size() + " requests); see target/process-tests/");
            }
            Thread.sleep(100);
        }
    }

    private Set<String> importPeople(Api admin) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String csv = "userId,name\n" + IntStream.rangeClosed(1, PEOPLE)
                .mapToObj(i -> "kill" + suffix + i + ",Person " + i).collect(Collectors.joining("\n"));
        var imported = admin.sendRaw("POST", "/api/v1/users/import", csv, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        return IntStream.rangeClosed(1, PEOPLE).mapToObj(i -> "kill" + suffix + i).collect(Collectors.toSet());
    }

    private Process start(int port, String name) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("lantau.test.jar", "target/lantau.jar"));
        assertThat(jar).as("the packaged jar (failsafe runs this after package)").exists();
        Path log = Path.of("target", "process-tests", "webhook-durability-" + name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--lantau.data-dir=" + dataDir, "--lantau.identity.operator-password=" + OPERATOR_PASSWORD,
                // A killed node's claims free up after this; the default is a minute.
                "--lantau.openplatform.delivery-lease=5s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        awaitHealthy(process, port, log);
        return process;
    }

    private void awaitHealthy(Process process, int port, Path log) throws IOException, InterruptedException {
        Api api = new Api(base(port), null);
        long end = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("Lantau exited while starting:\n" + tail(log));
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Lantau did not become healthy within " + START + ":\n" + tail(log));
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
