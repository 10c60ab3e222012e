package hk.lantau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import hk.lantau.support.Api;
import hk.lantau.support.RemoteSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Webhook throughput and latency against a running Lantau (bench/webhooks.sh starts one): a local
 * receiver subscribes to {@code user.created}, a CSV import of many people commits that many
 * events at once, and the receiver notes when each arrives. The commit is taken as the latest
 * event time in the import (the events are written just before it commits, so latencies are if
 * anything overstated). Baseline in the same run: how many such requests per second the receiver
 * takes when the same HTTP client library sends them straight to it.
 *
 * <p>Arguments: base URL, operator password, people per import (3000), repeats (3), baseline
 * seconds (5), senders of the baseline (32).
 */
public final class WebhookBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, long[]> arrivals = new ConcurrentHashMap<>();
    private HttpServer receiver;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String operatorPassword = args[1];
        int people = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        double baselineSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 5;
        int senders = args.length > 5 ? Integer.parseInt(args[5]) : 32;
        new WebhookBench().run(base, operatorPassword, people, repeats, baselineSeconds, senders);
    }

    private void run(String base, String operatorPassword, int people, int repeats, double baselineSeconds,
                     int senders) throws Exception {
        startReceiver();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        Api operator = RemoteSetup.signIn(new Api(base, null), "operator", operatorPassword);
        Api admin = RemoteSetup.newOrganisationAdmin(operator, "FLAGSHIP");
        long appId = RemoteSetup.post(admin, "/api/v1/apps", Map.of("name", "Webhook bench", "purpose", "Benchmark",
                "scopes", List.of("event.subscribe", "user.read"), "ipAllowList", List.of())).get("id").asLong();
        RemoteSetup.post(admin, "/api/v1/webhooks/allowed-hosts", Map.of("host", "127.0.0.1"));
        RemoteSetup.post(admin, "/api/v1/apps/" + appId + "/subscriptions", Map.of("callbackUrl", url,
                "eventTypes", List.of("user.created")));

        System.out.println("warm-up: an import of " + people + " people, not measured");
        importAndWait(admin, "w", people);
        System.out.println();
        System.out.println("| repeat | people | import answered after | delivered in | events/s | median | p99 | max "
                + "| receiver alone, requests/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int run = 1; run <= repeats; run++) {
            Result result = importAndWait(admin, "r" + run, people);
            double baseline = baseline(url, baselineSeconds, senders);
            System.out.printf("| %d | %d | %d ms | %d ms | %.0f | %d ms | %d ms | %d ms | %.0f |%n", run, people,
                    result.answeredMs, result.spanMs, people * 1000.0 / Math.max(result.spanMs, 1),
                    result.percentile(50), result.percentile(99), result.percentile(100), baseline);
        }
        receiver.stop(0);
        System.exit(0);
    }

    /** Imports people, waits until each one's event arrived, and measures from the commit. */
    private Result importAndWait(Api admin, String prefix, int people) throws InterruptedException {
        arrivals.clear();
        String csv = "userId,name\n" + IntStream.rangeClosed(1, people)
                .mapToObj(i -> prefix + "x" + i + ",Bench Person " + i).collect(Collectors.joining("\n"));
        long sent = System.currentTimeMillis();
        var imported = admin.sendRaw("POST", "/api/v1/users/import", csv, "text/csv");
        long answered = System.currentTimeMillis();
        if (imported.status() != 201) {
            throw new IllegalStateException("import failed: " + imported);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (arrivals.size() < people) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrivals.size() + " of " + people + " events arrived");
            }
            Thread.sleep(20);
        }
        long commit = arrivals.values().stream().mapToLong(a -> a[1]).max().orElseThrow();
        List<Long> latencies = new ArrayList<>();
        long last = 0;
        for (long[] a : arrivals.values()) {
            latencies.add(a[0] - commit);
            last = Math.max(last, a[0]);
        }
        Collections.sort(latencies);
        return new Result(answered - sent, last - commit, latencies);
    }

    /** The receiver's own request rate: the same kind of body, sent by as many senders as Lantau uses. */
    private double baseline(String url, double seconds, int senders) throws Exception {
        String body = "{\"id\":\"baseline\",\"type\":\"user.created\",\"version\":1,"
                + "\"time\":\"2026-11-21T10:00:00.000+08:00\",\"organisation\":\"dingbench\","
                + "\"data\":{\"userId\":\"x\",\"name\":\"Bench Person\",\"departmentIds\":[1]}}";
        AtomicLong count = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(senders)
                        .setMaxConnPerRoute(senders).build()).build()) {
            for (int i = 0; i < senders; i++) {
                pool.execute(() -> {
                    while (running.get()) {
                        HttpPost post = new HttpPost(url);
                        post.setHeader("Lantau-Event-Id", "baseline");
                        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                        try {
                            client.execute(post, response -> {
                                EntityUtils.consume(response.getEntity());
                                return null;
                            });
                            count.incrementAndGet();
                        } catch (IOException e) {
                            // counted as not done
                        }
                    }
                });
            }
            Thread.sleep(500);
            long start = count.get();
            long began = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            double rate = (count.get() - start) / ((System.nanoTime() - began) / 1e9);
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            return rate;
        }
    }

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.createContext("/hooks", exchange -> {
            long at = System.currentTimeMillis();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String eventId = exchange.getRequestHeaders().getFirst("Lantau-Event-Id");
            if (eventId != null && !eventId.equals("baseline")) {
                JsonNode event = JSON.readTree(new String(body, StandardCharsets.UTF_8));
                long time = OffsetDateTime.parse(event.get("time").asText()).toInstant().toEpochMilli();
                arrivals.putIfAbsent(eventId, new long[] {at, time});
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** One import: how long its answer took, from its commit to the last arrival, and each latency. */
    private record Result(long answeredMs, long spanMs, List<Long> latencies) {

        long percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * latencies.size()) - 1;
            return latencies.get(Math.max(0, Math.min(index, latencies.size() - 1)));
        }
    }
}
