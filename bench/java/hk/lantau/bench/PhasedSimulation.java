package hk.lantau.bench;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A load of measured phases run one after another against a running Lantau, each a closed load
 * ({@link PhaseRecorder#closedPhase}), with the server's CPU time sampled alongside and one summary
 * line per phase written to {@code bench.summaryFile} at the end.
 *
 * <p>System properties: {@code bench.baseUrl}, {@code bench.summaryFile}, and optionally
 * {@code bench.serverPid}, {@code bench.clockTicks} ({@code getconf CLK_TCK}), {@code bench.users}
 * (16), {@code bench.warmUpSeconds} (10), {@code bench.seconds} (20), {@code bench.prewarmSeconds} (0).
 */
abstract class PhasedSimulation extends Simulation {

    protected final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:8300");
    protected final int users = Integer.getInteger("bench.users", 16);
    protected final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 10));
    protected final Duration measured = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    protected final Duration prewarm = Duration.ofSeconds(Long.getLong("bench.prewarmSeconds", 0));
    private final Path summaryFile = Path.of(required("bench.summaryFile"));
    private final Map<String, PhaseRecorder> recorders = new LinkedHashMap<>();
    private final ServerCpu serverCpu = ServerCpu.of(System.getProperty("bench.serverPid"),
            Integer.getInteger("bench.clockTicks", 100));

    /** A measured phase; its figures are in the summary under {@code name}. */
    protected ScenarioBuilder phase(String name, FeederBuilder<Object> feeder,
                                    Function<String, HttpRequestActionBuilder> request) {
        PhaseRecorder recorder = new PhaseRecorder();
        recorders.put(name, recorder);
        return PhaseRecorder.closedPhase(name, feeder, warmUp, measured, request, recorder);
    }

    protected void run(PopulationBuilder phases) {
        setUp(phases)
                .protocols(http.baseUrl(baseUrl).acceptHeader("application/json").userAgentHeader("lantau-bench")
                        // No request to gatling.io before the run: loopback traffic only.
                        .disableWarmUp())
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
        PhaseRecorder.writeSummary(summaryFile, recorders, serverCpu);
    }

    protected static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + property + " (the scripts in bench/ do)");
        }
        return value;
    }
}
