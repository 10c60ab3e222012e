package hk.lantau.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.dingtalk.open.app.api.GenericEventListener;
import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.OpenDingTalkStreamClientBuilder;
import com.dingtalk.open.app.api.callback.OpenDingTalkCallbackListener;
import com.dingtalk.open.app.api.security.AuthClientCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compat.internal.events.DingTalkEvent;
import hk.lantau.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stream mode's tests: the application with its TLS connector on a free port, a key store made at
 * the start of the run with keytool (a self-signed certificate for IP 127.0.0.1, valid two days, so
 * no private key is committed and none ever expires in the repository), and a trust store holding
 * the JDK's own authorities plus that certificate, set as the JVM's default so DingTalk's client
 * (Netty with the JDK's default trust) accepts the server while other TLS in the JVM keeps working.
 */
abstract class DingTalkStreamApiTestSupport extends CompatApiTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String TLS_PASSWORD = "stream-" + UUID.randomUUID();
    static final Path KEYSTORE;
    static final Path TRUSTSTORE;

    static {
        try {
            Path dir = Files.createTempDirectory("lantau-stream-tls-");
            KEYSTORE = dir.resolve("server.p12");
            TRUSTSTORE = dir.resolve("trust.p12");
            keytool(KEYSTORE);
            writeTrustStore(KEYSTORE, TRUSTSTORE);
            System.setProperty("javax.net.ssl.trustStore", TRUSTSTORE.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", TLS_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @DynamicPropertySource
    static void streamProperties(DynamicPropertyRegistry registry) {
        registry.add("lantau.compat.stream.tls.port", () -> "0");
        registry.add("lantau.compat.stream.tls.keystore", KEYSTORE::toString);
        registry.add("lantau.compat.stream.tls.password", () -> TLS_PASSWORD);
        registry.add("lantau.compat.stream.sweep-interval", () -> "200ms");
        registry.add("lantau.compat.stream.ping-interval", () -> "1s");
        registry.add("lantau.compat.stream.check-interval", () -> "1h");
    }

    private static void keytool(Path keystore) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "lantau", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", TLS_PASSWORD,
                "-keypass", TLS_PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static void writeTrustStore(Path keystore, Path truststore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            server.load(in, TLS_PASSWORD.toCharArray());
        }
        Certificate certificate = server.getCertificate("lantau");
        KeyStore jdk = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security",
                "cacerts"))) {
            jdk.load(in, null);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String alias : java.util.Collections.list(jdk.aliases())) {
            if (jdk.isCertificateEntry(alias)) {
                trust.setCertificateEntry(alias, jdk.getCertificate(alias));
            }
        }
        trust.setCertificateEntry("lantau-stream-test", certificate);
        try (OutputStream out = Files.newOutputStream(truststore)) {
            trust.store(out, TLS_PASSWORD.toCharArray());
        }
    }

    /** Raises a DingTalk event in a transaction, as a change in the organisation would. */
    protected DingTalkEvent raise(Org org, String eventType, Map<String, Object> data) {
        DingTalkEvent event = new DingTalkEvent(tenantId(org), UUID.randomUUID().toString(), eventType,
                clock.instant(), org.corpId(), data);
        tx.executeWithoutResult(status -> events.publishEvent(event));
        return event;
    }

    protected Api.Response open(String clientId, String secret, List<Map<String, String>> subscriptions) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("clientSecret", secret);
        body.put("localIp", "10.0.0.5");
        body.put("ua", "java/1.3.12-union");
        body.put("subscriptions", subscriptions);
        // By IP address: the endpoint names the host called, and the test certificate covers 127.0.0.1.
        return new Api("http://127.0.0.1:" + port, null).post("/v1.0/gateway/connections/open", body);
    }

    protected static List<Map<String, String>> allEvents() {
        return List.of(Map.of("type", "EVENT", "topic", "*"));
    }

    /** A ticket and endpoint for the app, from the gateway. */
    protected JsonNode ticket(App app, List<Map<String, String>> subscriptions) {
        Api.Response response = open(app.appKey(), app.secret(), subscriptions);
        assertThat(response.status()).as("open: %s", response.body()).isEqualTo(200);
        return response.json();
    }

    /** A raw client of the app, connected with a new ticket for every event. */
    protected RawClient rawClient(App app) {
        return RawClient.connect(ticket(app, allEvents()));
    }

    /** DingTalk's Java Stream client for the app, pointed at this server, not started. */
    protected OpenDingTalkStreamClientBuilder sdk(App app) {
        OpenDingTalkStreamClientBuilder builder = OpenDingTalkStreamClientBuilder.custom()
                .credential(new AuthClientCredential(app.appKey(), app.secret()));
        try {
            Field host = OpenDingTalkStreamClientBuilder.class.getDeclaredField("openApiHost");
            host.setAccessible(true);
            host.set(builder, "http://127.0.0.1:" + port);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return builder;
    }

    protected OpenDingTalkClient start(OpenDingTalkStreamClientBuilder builder) {
        OpenDingTalkClient client = builder.build();
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return client;
    }

    protected static void stop(OpenDingTalkClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static GenericEventListener collecting(BlockingQueue<com.dingtalk.open.app.api.message.GenericOpenDingTalkEvent> into,
                                                     com.dingtalk.open.app.stream.protocol.event.EventAckStatus status) {
        return event -> {
            into.add(event);
            return status;
        };
    }

    protected static <Q, R> OpenDingTalkCallbackListener<Q, R> answering(R response) {
        return request -> response;
    }

    /** An SSL context trusting the test certificate, for raw WebSocket clients. */
    protected static SSLContext testTls() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(TRUSTSTORE)) {
                trust.load(in, TLS_PASSWORD.toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw WebSocket client: every text frame received, its close code, and Pongs. */
    protected static final class RawClient implements WebSocket.Listener {

        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static RawClient connect(String endpoint, String ticket) {
            RawClient client = new RawClient();
            client.socket = HttpClient.newBuilder().sslContext(testTls()).build().newWebSocketBuilder()
                    .buildAsync(URI.create(endpoint + "?ticket=" + ticket), client).join();
            return client;
        }

        static RawClient connect(JsonNode ticket) {
            return connect(ticket.get("endpoint").asText(), ticket.get("ticket").asText());
        }

        static CompletableFuture<WebSocket> attempt(String endpoint, String ticket) {
            return HttpClient.newBuilder().sslContext(testTls()).build().newWebSocketBuilder()
                    .buildAsync(URI.create(endpoint + "?ticket=" + ticket), new RawClient());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
            pongs.add(java.nio.charset.StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        /** The next frame of this type (others, such as pings, are skipped), within a minute (the machine may be busy). */
        String next(String type) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    String frame = frames.poll(100, TimeUnit.MILLISECONDS);
                    if (frame != null && frame.contains("\"type\":\"" + type + "\"")) {
                        return frame;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("no " + type + " frame arrived");
        }

        /** The {@code disconnect} system frame, then the close (1001, going away). */
        JsonNode disconnected() {
            try {
                JsonNode frame = JSON.readTree(next("SYSTEM\",\"headers\":{\"topic\":\"disconnect"));
                assertThat(JSON.readTree(frame.get("data").asText()).has("reason")).isTrue();
                assertThat(closed.get(60, TimeUnit.SECONDS)).as("closed going away").isEqualTo(1001);
                return frame;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            }
        }
    }

    protected static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
