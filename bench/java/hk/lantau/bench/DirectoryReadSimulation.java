package hk.lantau.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Directory reads against a running Lantau with the demo data, compared with a baseline measured
 * in the same run: three phases one after another, each with the same closed load (a fixed number
 * of virtual users, each looping on one keep-alive connection, first a warm-up, then the measured
 * period):
 *
 * <ol>
 *   <li>{@code health}: {@code GET /actuator/health}, unauthenticated (baseline);</li>
 *   <li>{@code user}: {@code GET /api/v1/users/{userId}}, bearer token, cycling over the people;</li>
 *   <li>{@code members}: {@code GET /api/v1/departments/{id}/members}, bearer token.</li>
 * </ol>
 *
 * <p>Requests made during warm-up are named "... warm-up" and left out of the figures. Gatling's
 * report gives no per-phase throughput (it divides by the whole run's length), so the simulation
 * records each measured response itself and, at the end, writes one line per phase to
 * {@code bench.summaryFile} (tab-separated: phase, requests, failed, seconds from the first
 * request's start to the last response, requests/s, median ms, p95 ms, and, when the server's
 * process id is known, the server's CPU milliseconds per request and the cores it kept busy).
 *
 * <p>The server's CPU time (from {@code /proc/<pid>/stat}, sampled every 100 ms) is a measure of
 * cost that the other processes on a shared machine distort less than requests/s, and it shows
 * how much of the machine the load generator left to the server.
 *
 * <p>Run it with {@code bench/directory-load.sh}, which starts the server and passes
 * {@code bench.baseUrl}, {@code bench.token}, {@code bench.userIds} (comma-separated),
 * {@code bench.departmentId}, {@code bench.summaryFile}, {@code bench.serverPid},
 * {@code bench.clockTicks} ({@code getconf CLK_TCK}), and optionally {@code bench.users} (16),
 * {@code bench.warmUpSeconds} (10) and {@code bench.seconds} (20).
 */
public class DirectoryReadSimulation extends Simulation {

    private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:8300");
    private final String token = required("bench.token");
    private final List<String> userIds = Arrays.stream(required("bench.userIds").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
    private final String departmentId = required("bench.departmentId");
    private final int users = Integer.getInteger("bench.users", 16);
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 10));
    private final Duration measured = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private final Path summaryFile = Path.of(required("bench.summaryFile"));
    private final Map<String, Recorder> recorders = new LinkedHashMap<>();
    private final ServerCpu serverCpu = ServerCpu.of(System.getProperty("bench.serverPid"),
            Integer.getInteger("bench.clockTicks", 100));

    private final HttpProtocolBuilder protocol = http
            .baseUrl(baseUrl)
            .acceptHeader("application/json")
            .userAgentHeader("lantau-bench")
            // No request to gatling.io before the run: loopback traffic only.
            .disableWarmUp();

    {
        if (userIds.isEmpty()) {
            throw new IllegalArgumentException("bench.userIds is empty");
        }
        ScenarioBuilder health = phase("health", name -> http(name).get("/actuator/health"));
        ScenarioBuilder user = phase("user", name -> http(name).get("/api/v1/users/#{userId}")
                .header("Authorization", "Bearer " + token));
        ScenarioBuilder members = phase("members", name -> http(name)
                .get("/api/v1/departments/" + departmentId + "/members")
                .header("Authorization", "Bearer " + token));

        setUp(health.injectOpen(atOnceUsers(users))
                .andThen(user.injectOpen(atOnceUsers(users)))
                .andThen(members.injectOpen(atOnceUsers(users))))
                .protocols(protocol)
                // A benchmark of error responses measures nothing: fail the run instead.
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    @Override
    public void before() {
        serverCpu.start();
    }

    @Override
    public void after() {
        serverCpu.stop();
        List<String> lines = new ArrayList<>();
        recorders.forEach((phase, recorder) -> lines.add(phase + "\t" + recorder.summary(serverCpu)));
        try {
            Files.write(summaryFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * All users start at once and each loops for the warm-up and then the measured period, so the
     * number of requests in flight stays at {@code users} (a closed model). Every user reads the
     * people in turn, starting at a different one.
     */
    private ScenarioBuilder phase(String name, Function<String, HttpRequestActionBuilder> request) {
        Recorder recorder = new Recorder();
        recorders.put(name, recorder);
        var people = listFeeder(userIds.stream().map(id -> Map.<String, Object>of("userId", id)).toList())
                .circular();
        return scenario(name)
                .during(warmUp).on(feed(people).exec(request.apply(name + " warm-up").check(status().is(200))))
                .during(measured).on(feed(people).exec(request.apply(name)
                                .check(status().is(200), responseTimeInMillis().saveAs("rt")))
                        .exec(session -> {
                            if (session.isFailed() || !session.contains("rt")) {
                                recorder.failed();
                                return session.remove("rt").markAsSucceeded();
                            }
                            recorder.add(session.getInt("rt"));
                            return session.remove("rt");
                        }));
    }

    /** Response times of one phase's measured requests, and the window they fell in. */
    private static final class Recorder {

        private final List<Integer> millis = new ArrayList<>();
        private long failed;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;

        synchronized void add(int responseMillis) {
            long now = System.currentTimeMillis();
            millis.add(responseMillis);
            firstStart = Math.min(firstStart, now - responseMillis);
            lastEnd = Math.max(lastEnd, now);
        }

        synchronized void failed() {
            failed++;
        }

        synchronized String summary(ServerCpu cpu) {
            if (millis.isEmpty()) {
                return "0\t" + failed + "\t0\t0\t0\t0\t-\t-";
            }
            int[] sorted = millis.stream().mapToInt(Integer::intValue).sorted().toArray();
            long windowMillis = Math.max(1, lastEnd - firstStart);
            double seconds = windowMillis / 1000.0;
            double cpuMillis = cpu.millisBetween(firstStart, lastEnd);
            return String.join("\t", String.valueOf(sorted.length), String.valueOf(failed),
                    String.format(Locale.ROOT, "%.3f", seconds),
                    String.format(Locale.ROOT, "%.1f", sorted.length / seconds),
                    String.valueOf(percentile(sorted, 50)), String.valueOf(percentile(sorted, 95)),
                    Double.isNaN(cpuMillis) ? "-" : String.format(Locale.ROOT, "%.3f", cpuMillis / sorted.length),
                    Double.isNaN(cpuMillis) ? "-" : String.format(Locale.ROOT, "%.2f", cpuMillis / windowMillis));
        }

        /** Nearest-rank percentile. */
        private static int percentile(int[] sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    /** The server process's CPU time (user + system), sampled with wall-clock timestamps. */
    private static final class ServerCpu {

        private final Path stat;
        private final int clockTicks;
        private final List<long[]> samples = new ArrayList<>();
        private ScheduledExecutorService sampler;

        private ServerCpu(Path stat, int clockTicks) {
            this.stat = stat;
            this.clockTicks = clockTicks;
        }

        static ServerCpu of(String pid, int clockTicks) {
            return new ServerCpu(pid == null || pid.isBlank() ? null : Path.of("/proc", pid.strip(), "stat"),
                    clockTicks);
        }

        void start() {
            if (stat == null || !Files.isReadable(stat)) {
                return;
            }
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "server-cpu-sampler");
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() {
            if (sampler != null) {
                sampler.shutdownNow();
                sample();
            }
        }

        private void sample() {
            try {
                String line = Files.readString(stat);
                // The fields after the command name, which is in parentheses and may hold spaces:
                // utime and stime are fields 14 and 15 of the whole line.
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                synchronized (samples) {
                    samples.add(new long[] {System.currentTimeMillis(), ticks * 1000 / clockTicks});
                }
            } catch (IOException | RuntimeException e) {
                // The server has gone: the run fails on its own.
            }
        }

        /** CPU milliseconds the server used between two wall-clock instants, or NaN if unknown. */
        double millisBetween(long from, long to) {
            synchronized (samples) {
                if (samples.size() < 2 || samples.get(0)[0] > from || samples.get(samples.size() - 1)[0] < to) {
                    return Double.NaN;
                }
                return at(to) - at(from);
            }
        }

        private double at(long time) {
            for (int i = 1; i < samples.size(); i++) {
                long[] before = samples.get(i - 1);
                long[] after = samples.get(i);
                if (after[0] >= time) {
                    double span = Math.max(1, after[0] - before[0]);
                    return before[1] + (after[1] - before[1]) * ((time - before[0]) / span);
                }
            }
            return samples.get(samples.size() - 1)[1];
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + property + " (bench/directory-load.sh does)");
        }
        return value;
    }
}
