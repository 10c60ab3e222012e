package hk.lantau.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * <p>With {@code bench.prewarmSeconds} above zero, a "prewarm" phase first sends all three
 * requests in turn for that long, so that on a freshly started server the JIT compiler has seen
 * every path before health, measured first, is measured. Requests made during prewarm and
 * warm-up (named "... warm-up") are left out of the figures. Gatling's
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
 * {@code bench.warmUpSeconds} (10), {@code bench.seconds} (20) and {@code bench.prewarmSeconds}
 * (0).
 */
public class DirectoryReadSimulation extends PhasedSimulation {

    private final String token = required("bench.token");
    private final List<String> userIds = Arrays.stream(required("bench.userIds").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
    private final String departmentId = required("bench.departmentId");

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

        PopulationBuilder phases = health.injectOpen(atOnceUsers(users))
                .andThen(user.injectOpen(atOnceUsers(users)))
                .andThen(members.injectOpen(atOnceUsers(users)));
        if (!prewarm.isZero()) {
            var people = listFeeder(userIds.stream().map(id -> Map.<String, Object>of("userId", id)).toList())
                    .circular();
            String auth = "Bearer " + token;
            phases = scenario("prewarm").during(prewarm).on(feed(people)
                            .exec(http("prewarm health").get("/actuator/health").check(status().is(200)))
                            .exec(http("prewarm user").get("/api/v1/users/#{userId}")
                                    .header("Authorization", auth).check(status().is(200)))
                            .exec(http("prewarm members").get("/api/v1/departments/" + departmentId + "/members")
                                    .header("Authorization", auth).check(status().is(200))))
                    .injectOpen(atOnceUsers(users))
                    .andThen(phases);
        }
        run(phases);
    }

    private ScenarioBuilder phase(String name, Function<String, HttpRequestActionBuilder> request) {
        var people = listFeeder(userIds.stream().map(id -> Map.<String, Object>of("userId", id)).toList())
                .circular();
        return phase(name, people, request);
    }
}
