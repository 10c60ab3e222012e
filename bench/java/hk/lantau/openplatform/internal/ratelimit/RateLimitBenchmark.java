package hk.lantau.openplatform.internal.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.openplatform.AppStatus;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.Permission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the rate limit adds to one app call: the servlet filter as it runs in the application
 * (actor from the security context, the app's cached limit, one bucket, three headers) in front
 * of a chain that does nothing, against the same call without the filter, in the same run.
 *
 * <ul>
 *   <li>{@code baseline}: the chain alone;</li>
 *   <li>{@code filter} with {@code store=memory}: buckets in this JVM (one node);</li>
 *   <li>{@code filter} with {@code store=redis}: buckets in the Redis at {@code bench.redisUrl}
 *       (default {@code redis://127.0.0.1:6379}), two round trips per call.</li>
 * </ul>
 *
 * <p>{@code apps} calling apps take turns, so the caches and buckets hold that many entries. The
 * limit is high enough never to refuse: this measures the cost of an allowed call.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec@jmh</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RateLimitBenchmark {

    private static final int LIMIT = 1_000_000_000;
    private static final FilterChain NOTHING = (request, response) -> { };

    @Param({"memory", "redis"})
    public String store;

    @Param({"1", "1000"})
    public int apps;

    private RateLimitFilter filter;
    private RateLimiter limiter;
    private Actor[] actors;
    private int next;
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/users/chantaiman");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Setup(Level.Trial)
    public void start() {
        Clock clock = Clock.systemUTC();
        String prefix = "lantau-bench:" + UUID.randomUUID() + ":";
        var properties = new RateLimitProperties(RateLimitProperties.Store.valueOf(store.toUpperCase()),
                System.getProperty("bench.redisUrl", "redis://127.0.0.1:6379"), prefix, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 30, Duration.ofSeconds(30));
        var meters = new SimpleMeterRegistry();
        limiter = new RateLimiterConfiguration().rateLimiter(properties, clock, meters);
        actors = new Actor[apps];
        for (int i = 0; i < apps; i++) {
            actors[i] = new Actor(ActorKind.APP, 1L, "bench-app-" + i, null, "Bench app " + i,
                    Set.of(Permission.DIRECTORY_READ), null, "127.0.0.1");
        }
        filter = new RateLimitFilter(limiter, new AppLimits(new FixedApps(), properties, clock), properties,
                new ObjectMapper(), meters, List.of());
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (limiter instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Benchmark
    public void baseline(Blackhole sink) throws ServletException, IOException {
        call(sink, NOTHING::doFilter);
    }

    @Benchmark
    public void filter(Blackhole sink) throws ServletException, IOException {
        call(sink, (request, response) -> filter.doFilter(request, response, NOTHING));
    }

    private void call(Blackhole sink, FilterChain chain) throws ServletException, IOException {
        Actor actor = actors[next];
        next = next + 1 == actors.length ? 0 : next + 1;
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorScope.ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
            sink.consume(response.getHeader("X-RateLimit-Remaining"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Every app of the benchmark, with a limit it never reaches. */
    private static final class FixedApps implements Apps {

        @Override
        public Optional<AppView> find(long tenantId, long appId) {
            return Optional.empty();
        }

        @Override
        public Optional<AppView> findByKey(long tenantId, String appKey) {
            Instant created = Instant.EPOCH;
            return Optional.of(new AppView(1, tenantId, appKey, appKey, null, "Benchmark", "bench",
                    Set.of(hk.lantau.shared.Scope.USER_READ), List.of(), LIMIT, AppStatus.ACTIVE, created, created));
        }

        @Override
        public List<AppView> list(long tenantId) {
            return List.of();
        }
    }
}
