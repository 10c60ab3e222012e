package hk.lantau.bench;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Response times of one phase's measured requests, and the window they fell in. Gatling's report
 * gives no per-phase throughput (it divides by the whole run's length), so the simulations record
 * each measured response themselves.
 */
final class PhaseRecorder {

    /**
     * A closed load: all users start at once and each loops for the warm-up and then the measured
     * period, so the number of requests in flight stays at the number of users. Requests named
     * "... warm-up" are left out of the figures; a failed measured request is counted, not fatal.
     */
    static ScenarioBuilder closedPhase(String name, FeederBuilder<Object> feeder, Duration warmUp, Duration measured,
                                       Function<String, HttpRequestActionBuilder> request, PhaseRecorder recorder) {
        return scenario(name)
                .during(warmUp).on(feed(feeder).exec(request.apply(name + " warm-up").check(status().is(200))))
                .during(measured).on(feed(feeder).exec(request.apply(name)
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

    /**
     * One line per phase, tab-separated: phase, requests, failed, seconds from the first request's
     * start to the last response, requests/s, median ms, p95 ms, and, when the server's process is
     * known, its CPU milliseconds per request and the cores it kept busy.
     */
    static void writeSummary(Path file, Map<String, PhaseRecorder> recorders, ServerCpu cpu) {
        List<String> lines = new ArrayList<>();
        recorders.forEach((phase, recorder) -> lines.add(phase + "\t" + recorder.summary(cpu)));
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
