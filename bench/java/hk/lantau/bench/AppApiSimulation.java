package hk.lantau.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The open platform's API under load, against a baseline measured in the same run: three phases
 * one after another, each a closed load of {@code bench.users} virtual users looping on keep-alive
 * connections (warm-up, then the measured period):
 *
 * <ol>
 *   <li>{@code health}: {@code GET /actuator/health}, unauthenticated (baseline);</li>
 *   <li>{@code token}: {@code POST /api/v1/oauth/token}, the client-credentials grant of one of the
 *       apps in turn (a keyed hash of the secret, a token row written);</li>
 *   <li>{@code call}: {@code GET /api/v1/users/{userId}} with an app's bearer token, cycling over the
 *       people and the apps: the token check, the scope check, the rate limit, the access log and
 *       the read.</li>
 * </ol>
 *
 * <p>Before the load, {@link AppFixture} signs the demo admin in and registers {@code bench.apps}
 * apps with the highest limit (100,000 calls a minute each), so that calls are spread over enough
 * buckets never to be refused. The server must allow that many token requests from one address:
 * {@code bench/app-api-load.sh} starts it with {@code lantau.rate-limit.token-requests-per-minute}
 * raised. Per-phase figures go to {@code bench.summaryFile} as in {@link DirectoryReadSimulation}.
 *
 * <p>System properties: {@code bench.baseUrl}, {@code bench.adminLogin}, {@code bench.adminPassword},
 * {@code bench.totpSecretFile} (where the admin's authenticator seed is kept between repeats),
 * {@code bench.summaryFile}, and optionally {@code bench.serverPid}, {@code bench.clockTicks},
 * {@code bench.apps} (4), {@code bench.users} (16), {@code bench.warmUpSeconds} (10),
 * {@code bench.seconds} (20), {@code bench.prewarmSeconds} (0), {@code bench.run} (a label for the
 * apps' names, so repeats against one server register new ones).
 */
public class AppApiSimulation extends PhasedSimulation {

    {
        AppFixture fixture = AppFixture.signIn(baseUrl, required("bench.adminLogin"), required("bench.adminPassword"),
                Path.of(required("bench.totpSecretFile")));
        List<AppFixture.App> apps = fixture.registerApps(Integer.getInteger("bench.apps", 4),
                "Load " + System.getProperty("bench.run", "1"));
        List<String> userIds = fixture.userIds();
        List<Map<String, Object>> credentials = new ArrayList<>();
        List<Map<String, Object>> calls = new ArrayList<>();
        for (AppFixture.App app : apps) {
            credentials.add(Map.of("form", AppFixture.tokenForm(app)));
            String bearer = "Bearer " + fixture.grant(app);
            for (String userId : userIds) {
                calls.add(Map.of("userId", userId, "auth", bearer));
            }
        }
        // Interleave the apps so consecutive calls of one user hit different buckets.
        calls.sort(Comparator.comparing(c -> (String) c.get("userId")));

        Function<String, HttpRequestActionBuilder> health = name -> http(name).get("/actuator/health");
        Function<String, HttpRequestActionBuilder> token = name -> http(name).post("/api/v1/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded").body(StringBody("#{form}"));
        Function<String, HttpRequestActionBuilder> call = name -> http(name).get("/api/v1/users/#{userId}")
                .header("Authorization", "#{auth}");

        var phases = phase("health", listFeeder(calls).circular(), health).injectOpen(atOnceUsers(users))
                .andThen(phase("token", listFeeder(credentials).circular(), token).injectOpen(atOnceUsers(users)))
                .andThen(phase("call", listFeeder(calls).circular(), call).injectOpen(atOnceUsers(users)));
        if (!prewarm.isZero()) {
            // Unmeasured app calls first, so the fresh server's JIT compiler has seen the path.
            phases = PhaseRecorder.closedPhase("prewarm", listFeeder(calls).circular(), prewarm, Duration.ZERO, call,
                            new PhaseRecorder())
                    .injectOpen(atOnceUsers(users)).andThen(phases);
        }
        run(phases);
    }
}
