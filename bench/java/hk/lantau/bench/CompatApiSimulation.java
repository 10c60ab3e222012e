package hk.lantau.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
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
 * One person's profile read by an app, through the DingTalk-compatible API against the native API
 * in the same run: two phases one after another, each a closed load of {@code bench.users} virtual
 * users looping on keep-alive connections (warm-up, then the measured period):
 *
 * <ol>
 *   <li>{@code native}: {@code GET /api/v1/users/{userId}} with the app's bearer token (baseline);</li>
 *   <li>{@code compat}: {@code POST /topapi/v2/user/get?access_token=…} with {@code {"userid":…}}, the
 *       token from DingTalk's {@code /gettoken}, each answer checked for {@code errcode} 0.</li>
 * </ol>
 *
 * <p>Both phases cycle over the same people and apps ({@link AppFixture}, 100,000 calls a minute each,
 * scope {@code user.read}, so mobiles are masked in both). System properties as in
 * {@link AppApiSimulation}.
 */
public class CompatApiSimulation extends PhasedSimulation {

    {
        AppFixture fixture = AppFixture.signIn(baseUrl, required("bench.adminLogin"), required("bench.adminPassword"),
                Path.of(required("bench.totpSecretFile")));
        List<AppFixture.App> apps = fixture.registerApps(Integer.getInteger("bench.apps", 4),
                "Compat " + System.getProperty("bench.run", "1"));
        List<String> userIds = fixture.userIds();
        List<Map<String, Object>> calls = new ArrayList<>();
        for (AppFixture.App app : apps) {
            String bearer = "Bearer " + fixture.grant(app);
            String dingTalk = fixture.dingTalkToken(app);
            for (String userId : userIds) {
                calls.add(Map.of("userId", userId, "auth", bearer, "token", dingTalk));
            }
        }
        calls.sort(Comparator.comparing(c -> (String) c.get("userId")));

        Function<String, HttpRequestActionBuilder> nativeRead = name -> http(name).get("/api/v1/users/#{userId}")
                .header("Authorization", "#{auth}");
        Function<String, HttpRequestActionBuilder> compatRead = name -> http(name)
                .post("/topapi/v2/user/get?access_token=#{token}")
                .header("Content-Type", "application/json")
                .body(StringBody("{\"userid\":\"#{userId}\"}"))
                .check(jsonPath("$.errcode").ofInt().is(0));

        var phases = phase("native", listFeeder(calls).circular(), nativeRead).injectOpen(atOnceUsers(users))
                .andThen(phase("compat", listFeeder(calls).circular(), compatRead).injectOpen(atOnceUsers(users)));
        if (!prewarm.isZero()) {
            // Unmeasured calls of both kinds first, so the fresh server's JIT compiler has seen both paths.
            phases = PhaseRecorder.closedPhase("prewarm", listFeeder(calls).circular(), prewarm, Duration.ZERO,
                            compatRead, new PhaseRecorder())
                    .injectOpen(atOnceUsers(users))
                    .andThen(PhaseRecorder.closedPhase("prewarm2", listFeeder(calls).circular(), prewarm, Duration.ZERO,
                            nativeRead, new PhaseRecorder()).injectOpen(atOnceUsers(users)))
                    .andThen(phases);
        }
        run(phases);
    }
}
