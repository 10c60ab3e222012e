package hk.lantau.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the API tests: the whole application on a random port with a real database (H2, or
 * PostgreSQL in the second pass), a clock tests can move, and helpers that create organisations
 * and sign people in through the API itself.
 */
// Every test calls from 127.0.0.1, so the token endpoint's per-address limit would be shared by the
// whole suite; TokenRateLimitApiTest checks it with a limit of its own. The DING job and attendance's
// daily close and location retention do not run by themselves: every context shares the database and the clock, so tests call it after moving the clock.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lantau.rate-limit.token-requests-per-minute=1000000", "lantau.ding.job-cron=-",
                "lantau.attendance.close-cron=-", "lantau.attendance.retention-cron=-"})
// Spring Boot turns metrics export off in tests; the Prometheus endpoint is part of what we serve.
@AutoConfigureObservability(tracing = false)
// Approval time jobs act on every organisation's tasks: tests call them after moving the clock.
@TestPropertySource(properties = {"lantau.approval.timeout-cron=-", "lantau.approval.digest-cron=-",
        "lantau.approval.trigger-cron=-", "lantau.forms.round-cron=-", "lantau.forms.retention-cron=-"})
@Import(ApiTestSupport.TestBeans.class)
public abstract class ApiTestSupport {

    public static final String OPERATOR_PASSWORD = "Op-" + UUID.randomUUID();
    public static final String PASSWORD = "Correct-Horse-42";
    private static final Path DATA_DIR = tempDir();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** TOTP seeds the helpers enrolled, by login, and the newest time step each has used. */
    private static final Map<String, String> TOTP_SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> TOTP_LAST_STEP = new ConcurrentHashMap<>();
    private static volatile String operatorToken;
    private static volatile Instant operatorSignedInAt;
    private static volatile Instant operatorUsedAt;

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("lantau.data-dir", DATA_DIR::toString);
        registry.add("lantau.identity.operator-password", () -> OPERATOR_PASSWORD);
        // The suite keeps a dozen application contexts cached; each holding a full idle pool would
        // exceed PostgreSQL's default of 100 connections, so idle pools shrink to one connection.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected Api anonymous() {
        return new Api(baseUrl(), null);
    }

    /**
     * The installation's operator, signed in once per test run (again when a test moved the clock
     * so far that the session may have gone idle).
     */
    protected synchronized Api operator() {
        Instant now = clock.instant();
        if (operatorToken == null || now.isAfter(operatorUsedAt.plus(Duration.ofHours(1)))
                || now.isAfter(operatorSignedInAt.plus(Duration.ofDays(6))) || now.isBefore(operatorUsedAt)) {
            operatorToken = signIn("operator", OPERATOR_PASSWORD);
            operatorSignedInAt = clock.instant();
        }
        operatorUsedAt = clock.instant();
        return new Api(baseUrl(), operatorToken);
    }

    /**
     * Signs in through the API and returns the bearer token of a full session. MFA is handled the
     * way a person would: an account that must enrol gets an authenticator (its seed is kept for
     * later sign-ins), and an enrolled account answers with a fresh code.
     */
    protected String signIn(String login, String password) {
        // Wait for a fresh code before the password step, not between it and the code: another
        // test context with its own clock may have used a later step, and a wait of that length
        // would outlive the short session that owes the code.
        if (TOTP_SECRETS.containsKey(login.toLowerCase(java.util.Locale.ROOT))) {
            awaitFreshTotpStep(login);
        }
        var response = signInRaw(login, password);
        assertThat(response.status()).as("sign-in of %s: %s", login, response.body()).isEqualTo(201);
        JsonNode body = response.json();
        Api session = new Api(baseUrl(), body.get("token").asText());
        if (body.path("mfaEnrolmentRequired").asBoolean()) {
            return enrolTotp(session, login);
        }
        if (body.path("mfaRequired").asBoolean()) {
            var completed = session.post("/api/v1/auth/sessions/mfa", Map.of("code", totpCode(login)));
            assertThat(completed.status()).as("MFA step of %s: %s", login, completed.body()).isEqualTo(201);
            return completed.json().get("token").asText();
        }
        return body.get("token").asText();
    }

    /** The sign-in call itself, without handling MFA. */
    protected Api.Response signInRaw(String login, String password) {
        return anonymous().post("/api/v1/auth/sessions", Map.of("login", login, "password", password));
    }

    /** Enrols an authenticator for the session's account and returns the token of the new full session. */
    protected String enrolTotp(Api session, String login) {
        var started = session.post("/api/v1/auth/mfa/enrolment", Map.of());
        assertThat(started.status()).as("MFA enrolment of %s: %s", login, started.body()).isEqualTo(201);
        TOTP_SECRETS.put(login.toLowerCase(java.util.Locale.ROOT), started.json().get("secret").asText());
        TOTP_LAST_STEP.remove(login.toLowerCase(java.util.Locale.ROOT));
        var confirmed = session.post("/api/v1/auth/mfa/enrolment/confirm", Map.of("code", totpCode(login)));
        assertThat(confirmed.status()).as("MFA confirmation of %s: %s", login, confirmed.body()).isEqualTo(201);
        return confirmed.json().get("token").asText();
    }

    /** The seed the helpers enrolled for a login. */
    protected String totpSecret(String login) {
        String secret = TOTP_SECRETS.get(login.toLowerCase(java.util.Locale.ROOT));
        assertThat(secret).as("no authenticator enrolled by the test helpers for %s", login).isNotNull();
        return secret;
    }

    /**
     * A code of the login's authenticator that it has not used yet: the clock moves on to the
     * next 30-second step when the current one was used, as a person would wait for a new code.
     */
    protected String totpCode(String login) {
        long step = awaitFreshTotpStep(login);
        TOTP_LAST_STEP.put(login.toLowerCase(java.util.Locale.ROOT), step);
        return totpCode(totpSecret(login), step);
    }

    /** Moves the clock past the last time step the login used, and returns the current step. */
    private long awaitFreshTotpStep(String login) {
        long step = totpStep();
        long last = TOTP_LAST_STEP.getOrDefault(login.toLowerCase(java.util.Locale.ROOT), Long.MIN_VALUE);
        if (step <= last) {
            clock.advance(Duration.ofSeconds((last + 1 - step) * 30));
            step = last + 1;
        }
        return step;
    }

    /** The current 30-second TOTP time step of the test clock. */
    protected long totpStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), 30);
    }

    /** The code of {@code secret} for a time step, made with the TOTP library's own generator. */
    protected static String totpCode(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Api as(String login, String password) {
        return new Api(baseUrl(), signIn(login, password));
    }

    /** A new organisation whose admin has set a password and is signed in. */
    protected Org newOrganisation() {
        int n = SEQUENCE.incrementAndGet();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + suffix + "@example.hk";
        var created = operator().post("/api/v1/organisations", Map.of(
                "name", "Test Org " + n + " " + suffix,
                "admin", Map.of("name", "Admin " + n, "email", email, "mobile", "+852 9" + String.format("%07d", n))));
        assertThat(created.status()).as("create organisation: %s", created.body()).isEqualTo(201);
        JsonNode body = created.json();
        setPassword(body.get("adminSetupLink").asText(), PASSWORD);
        return new Org(body.get("organisation").get("corpId").asText(), body.get("adminUserId").asText(), email,
                as(email, PASSWORD));
    }

    /** Uses a one-time link the way a person would: by opening it and choosing a password. */
    protected void setPassword(String link, String password) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        var response = anonymous().post("/api/v1/auth/links/" + token + "/password", Map.of("password", password));
        assertThat(response.status()).as("set password: %s", response.body()).isEqualTo(204);
    }

    /** An organisation in a test, with its admin's API client. */
    public record Org(String corpId, String adminUserId, String adminEmail, Api admin) {
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lantau-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        /**
         * One clock per JVM, like the database: test classes that need a context of their own share
         * the data, the operator's session and the authenticators with the others, so they must
         * agree on the time too.
         */
        private static final MutableClock CLOCK = new MutableClock();

        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }
}
