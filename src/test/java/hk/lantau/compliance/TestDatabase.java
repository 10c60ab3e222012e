package hk.lantau.compliance;

import hk.lantau.shared.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives each test application its own empty database and data directory: an in-memory H2
 * database by default, or a scratch schema on the local PostgreSQL with {@code -Dlantau.test.db=postgresql}.
 */
final class TestDatabase {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabase() {
    }

    static void register(DynamicPropertyRegistry registry) {
        fresh().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Properties for a new database and data directory; the PostgreSQL schema is dropped at exit. */
    static Map<String, String> fresh() {
        String name = "cmp_" + Tokens.randomHex(6);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("lantau.data-dir", tempDir());
        if ("postgresql".equals(System.getProperty("lantau.test.db"))) {
            properties.put("spring.datasource.url", POSTGRES_URL + "?currentSchema=" + name);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
            properties.put("spring.flyway.schemas", name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(name)));
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        return properties;
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("lantau-compliance-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropSchema(String schema) {
        try (var connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop the test schema " + schema + ": " + e.getMessage());
        }
    }
}
