package hk.lantau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.RemoteSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The event stream against a running Lantau (bench/stream.sh starts one).
 *
 * <p>{@code connections}: opens N streams (people of one organisation, several devices each) and
 * holds them; reports how many were held and the server's heap (after a full GC) and resident
 * memory per connection against the same server idle just before, in the same run.
 *
 * <p>{@code fanout}: a group of 1,000 people, all connected; senders post messages into it through
 * the API for a while, and every member's stream notes when each message arrives. Reports
 * deliveries per second and the median and p99 from the start of the POST to each arrival,
 * against the same senders posting one-to-one messages to one connected person in the same run.
 *
 * <p>Arguments: base URL, operator password, server pid, connections, people they belong to, group
 * members, seconds of posting, senders.
 */
public final class StreamBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private final String base;
    private final long serverPid;
    private final Api admin;

    private StreamBench(String base, String operatorPassword, long serverPid) {
        this.base = base;
        this.serverPid = serverPid;
        Api operator = RemoteSetup.signIn(new Api(base, null), "operator", operatorPassword);
        this.admin = RemoteSetup.newOrganisationAdmin(operator, "FLAGSHIP");
    }

    public static void main(String[] args) throws Exception {
        StreamBench bench = new StreamBench(args[0], args[1], Long.parseLong(args[2]));
        System.out.printf("%n## Connections held%n%n");
        bench.connections(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        System.out.printf("%n## Fan-out into a group%n%n");
        bench.fanout(Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        System.exit(0);
    }

    // Connections held.

    private void connections(int count, int people) throws Exception {
        List<Person> persons = people(people, "c");
        Memory idle = memory();
        System.out.printf("idle server: heap %.1f MB after GC, RSS %.1f MB%n", idle.heap / 1e6, idle.rss / 1e6);
        List<WebSocket> sockets = new ArrayList<>();
        AtomicInteger hellos = new AtomicInteger();
        Semaphore inFlight = new Semaphore(200);
        long started = System.nanoTime();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person person = persons.get(i % persons.size());
            inFlight.acquire();
            CompletableFuture<WebSocket> socket = open(person.token, "0", new Counting(hellos, null));
            socket.whenComplete((s, e) -> inFlight.release());
            opening.add(socket);
        }
        int failed = 0;
        for (CompletableFuture<WebSocket> socket : opening) {
            try {
                sockets.add(socket.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                if (failed++ == 0) {
                    System.out.println("first failure: " + e.getCause());
                }
            }
        }
        long openedMs = (System.nanoTime() - started) / 1_000_000;
        await(() -> hellos.get() >= sockets.size(), 60);
        Thread.sleep(5_000);
        Memory held = memory();
        double open = serverGauge("lantau_stream_connections", "");
        System.out.println();
        System.out.println("| connections asked | opened | held (server gauge) | opening took | heap idle | heap held "
                + "| heap per connection | RSS idle | RSS held | RSS per connection |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d | %d | %.0f | %.1f s | %.0f MB | %.0f MB | %.1f KB | %.0f MB | %.0f MB | %.1f KB |%n",
                count, sockets.size(), open, openedMs / 1000.0, idle.heap / 1e6, held.heap / 1e6,
                (held.heap - idle.heap) / 1e3 / Math.max(1, open), idle.rss / 1e6, held.rss / 1e6,
                (held.rss - idle.rss) / 1e3 / Math.max(1, open));
        sockets.forEach(WebSocket::abort);
    }

    // Fan-out into a group.

    private void fanout(int members, int seconds, int senders) throws Exception {
        List<Person> persons = people(members - 1, "f");
        String ownerId = admin.get("/api/v1/me").json().path("userId").asText();
        String group = RemoteSetup.post(admin, "/api/v1/conversations/groups", Map.of("name", "Bench group",
                "memberIds", persons.stream().map(p -> p.userId).toList())).get("id").asText();
        String direct = RemoteSetup.post(admin, "/api/v1/conversations/direct",
                Map.of("userId", persons.get(0).userId)).get("id").asText();

        Deliveries deliveries = new Deliveries();
        List<WebSocket> sockets = new ArrayList<>();
        AtomicInteger hellos = new AtomicInteger();
        sockets.add(open(admin.token(), null, new Counting(hellos, deliveries)).get(60, TimeUnit.SECONDS));
        for (Person person : persons) {
            sockets.add(open(person.token, null, new Counting(hellos, deliveries)).get(60, TimeUnit.SECONDS));
        }
        await(() -> hellos.get() >= sockets.size(), 60);
        System.out.printf("%d members connected%n", sockets.size());

        System.out.println("warm-up: 5 s into the group, 5 s one-to-one, not measured");
        post(group, 5, senders, deliveries, "w");
        post(direct, 5, senders, deliveries, "v");
        Thread.sleep(3_000);

        Result single = measure("one-to-one (1 recipient connected, plus the sender)", direct, seconds, senders,
                deliveries, 2, "b");
        Result fanned = measure("group of " + sockets.size() + " (all connected)", group, seconds, senders,
                deliveries, sockets.size(), "g");
        System.out.println();
        System.out.println("| posting into | messages | posted/s | deliveries | deliveries/s | median | p99 | max "
                + "| missing |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        single.print();
        fanned.print();
        System.out.printf("%ngroup deliveries/s ÷ one-to-one deliveries/s = %.1f; p99 ratio %.1f%n",
                fanned.perSecond() / single.perSecond(), (double) fanned.percentile(99) / single.percentile(99));
        sockets.forEach(WebSocket::abort);
    }

    private Result measure(String what, String conversation, int seconds, int senders, Deliveries deliveries,
                           int recipients, String tag) throws Exception {
        deliveries.reset(tag);
        long start = System.nanoTime();
        int messages = post(conversation, seconds, senders, deliveries, tag);
        long postedNs = System.nanoTime() - start;
        long expected = (long) messages * recipients;
        await(() -> deliveries.count.get() >= expected, 60);
        long spanNs = deliveries.lastArrival.get() - start;
        return new Result(what, messages, messages * 1e9 / postedNs, deliveries.count.get(), spanNs,
                deliveries.latencies(), expected - deliveries.count.get());
    }

    /** Posts as fast as {@code senders} threads can for {@code seconds}; returns how many were posted. */
    private int post(String conversation, int seconds, int senders, Deliveries deliveries, String tag)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch done = new CountDownLatch(senders);
        for (int s = 0; s < senders; s++) {
            pool.execute(() -> {
                try {
                    while (System.nanoTime() < until) {
                        int n = next.getAndIncrement();
                        deliveries.sent(n);
                        var response = admin.post("/api/v1/conversations/" + conversation + "/messages",
                                Map.of("content", Map.of("kind", "text", "text", "bench:" + tag + n + ":")));
                        if (response.status() != 201) {
                            throw new IllegalStateException("post failed: " + response);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        return next.get();
    }

    // Setup.

    private record Person(String userId, String token) {
    }

    /** Imports people, gives each a password and signs each in, four at a time. */
    private List<Person> people(int count, String prefix) throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        String csv = "userId,name,email\n" + IntStream.range(0, count)
                .mapToObj(i -> prefix + run + "u" + i + ",Bench " + i + "," + prefix + run + "u" + i + "@bench.example.hk")
                .collect(Collectors.joining("\n"));
        var imported = admin.sendRaw("POST", "/api/v1/users/import", csv, "text/csv");
        if (imported.status() != 201) {
            throw new IllegalStateException("import failed: " + imported);
        }
        System.out.printf("signing in %d people...%n", count);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Person>> signing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userId = prefix + run + "u" + i;
            signing.add(CompletableFuture.supplyAsync(() -> {
                String link = RemoteSetup.post(admin, "/api/v1/users/" + userId + "/password-reset", Map.of())
                        .get("link").asText();
                var set = admin.anonymous().post("/api/v1/auth/links/" + link.substring(link.lastIndexOf('/') + 1)
                        + "/password", Map.of("password", RemoteSetup.PASSWORD));
                if (set.status() != 204) {
                    throw new IllegalStateException("set password: " + set);
                }
                JsonNode session = RemoteSetup.post(admin.anonymous(), "/api/v1/auth/sessions",
                        Map.of("login", userId + "@bench.example.hk", "password", RemoteSetup.PASSWORD));
                return new Person(userId, session.get("token").asText());
            }, pool));
        }
        List<Person> persons = new ArrayList<>();
        for (CompletableFuture<Person> person : signing) {
            persons.add(person.get());
        }
        pool.shutdown();
        return persons;
    }

    private CompletableFuture<WebSocket> open(String token, String since, WebSocket.Listener listener) {
        String path = "/api/v1/stream" + (since == null ? "" : "?since=" + since);
        CompletableFuture<WebSocket> socket = HTTP.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(60))
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + path), listener);
        if (since == null) {
            // Live only: the first frame starts the stream at the newest event.
            return socket.thenCompose(s -> s.sendText("{\"type\":\"ping\"}", true));
        }
        return socket;
    }

    /** Counts hellos, and gives event frames to {@code deliveries}; answers the server's pings. */
    private static final class Counting implements WebSocket.Listener {

        private final AtomicInteger hellos;
        private final Deliveries deliveries;
        private final StringBuilder text = new StringBuilder();

        Counting(AtomicInteger hellos, Deliveries deliveries) {
            this.hellos = hellos;
            this.deliveries = deliveries;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                if (frame.startsWith("{\"type\":\"hello\"")) {
                    hellos.incrementAndGet();
                } else if (frame.startsWith("{\"type\":\"ping\"")) {
                    socket.sendText("{\"type\":\"pong\"}", true);
                } else if (deliveries != null && frame.startsWith("{\"type\":\"event\"")
                        && frame.contains("\"message.created\"")) {
                    deliveries.arrived(frame);
                }
            }
            socket.request(1);
            return null;
        }
    }

    /** Send times by message number, and every arrival's latency, for one measured phase at a time. */
    private static final class Deliveries {

        private final long[] sentAt = new long[2_000_000];
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong lastArrival = new AtomicLong();
        /** The phase being measured; messages of other phases (the warm-up) are not counted. */
        private volatile String tag = "-";

        void reset(String tag) {
            this.tag = tag;
            latencies.clear();
            count.set(0);
            Arrays.fill(sentAt, 0);
            lastArrival.set(0);
        }

        void sent(int n) {
            sentAt[n] = System.nanoTime();
        }

        void arrived(String frame) {
            long now = System.nanoTime();
            String marker = "bench:" + tag;
            int at = frame.indexOf(marker);
            if (at < 0) {
                return;
            }
            int from = at + marker.length();
            int end = frame.indexOf(':', from);
            if (end < 0 || !Character.isDigit(frame.charAt(from))) {
                return;
            }
            int n = Integer.parseInt(frame, from, end, 10);
            latencies.add(now - sentAt[n]);
            count.incrementAndGet();
            lastArrival.accumulateAndGet(now, Math::max);
        }

        long[] latencies() {
            long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    private record Result(String what, int messages, double postedPerSecond, long deliveries, long spanNs,
                          long[] latencies, long missing) {

        double perSecond() {
            return deliveries * 1e9 / spanNs;
        }

        long percentile(int p) {
            if (latencies.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1_000_000;
        }

        void print() {
            System.out.printf("| %s | %d | %.0f | %d | %.0f | %d ms | %d ms | %d ms | %d |%n", what, messages,
                    postedPerSecond, deliveries, perSecond(), percentile(50), percentile(99), percentile(100), missing);
        }
    }

    // Measuring the server.

    private record Memory(double heap, double rss) {
    }

    /** Heap in use after a full GC (jcmd), and resident memory, of the server process. */
    private Memory memory() throws Exception {
        new ProcessBuilder("jcmd", Long.toString(serverPid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        double heap = serverGauge("jvm_memory_used_bytes{", "area=\"heap\"");
        double rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return new Memory(heap, rss);
    }

    /** The sum of a Prometheus metric's series: lines that start with {@code prefix} and contain {@code label}. */
    private double serverGauge(String prefix, String label) throws IOException {
        String body = new Api(base, null).get("/actuator/prometheus").body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith(prefix) && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static void await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
