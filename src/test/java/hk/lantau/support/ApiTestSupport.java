package hk.lantau.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests: the whole application on a random port with a real database (H2, or
 * PostgreSQL in the second pass), a clock tests can move, and helpers that create organisations
 * and sign people in through the API itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@Import(ApiTestSupport.TestBeans.class)
public abstract class ApiTestSupport {

    public static final String OPERATOR_PASSWORD = "Op-" + UUID.randomUUID();
    public static final String PASSWORD = "Correct-Horse-42";
    private static final Path DATA_DIR = tempDir();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile String operatorToken;
    private static volatile java.time.Instant operatorSignedInAt;

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
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected Api anonymous() {
        return new Api(baseUrl(), null);
    }

    /** The installation's operator, signed in once per test run. */
    protected Api operator() {
        java.time.Instant now = clock.instant();
        boolean stale = operatorSignedInAt == null || now.isBefore(operatorSignedInAt)
                || java.time.Duration.between(operatorSignedInAt, now).toHours() >= 1;
        if (operatorToken == null || stale) {
            operatorToken = signIn("operator", OPERATOR_PASSWORD);
            operatorSignedInAt = now;
        }
        return new Api(baseUrl(), operatorToken);
    }

    /** Signs in through the API and returns the bearer token. */
    protected String signIn(String login, String password) {
        var response = anonymous().post("/api/v1/auth/sessions", Map.of("login", login, "password", password));
        assertThat(response.status()).as("sign-in of %s: %s", login, response.body()).isEqualTo(201);
        return response.json().get("token").asText();
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

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }
}
