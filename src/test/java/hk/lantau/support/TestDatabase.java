package hk.lantau.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The database the suite runs on: an in-memory H2 in PostgreSQL mode by default, or a fresh
 * PostgreSQL database when {@code -Dlantau.test.db=postgresql} (the second pass of {@code verify}).
 * One database per JVM, so Spring's cached test context and the data agree.
 */
public final class TestDatabase {

    public static final boolean POSTGRES = "postgresql".equalsIgnoreCase(System.getProperty("lantau.test.db", "h2"));
    private static final String PG_HOST = System.getProperty("lantau.test.pg.host", "127.0.0.1:5432");
    private static final String PG_USER = System.getProperty("lantau.test.pg.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("lantau.test.pg.password", "");
    private static final String PREFIX = "lantau_test_";
    /** Carries its creation time, so a later run can drop databases that earlier runs left behind. */
    private static final String NAME = PREFIX + (System.currentTimeMillis() / 1000) + "_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final long LEFTOVER_AFTER_SECONDS = 6 * 3600;
    private static String url;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = POSTGRES ? createPostgres() : "jdbc:h2:mem:" + NAME
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        }
        return url;
    }

    public static String user() {
        return POSTGRES ? PG_USER : "sa";
    }

    public static String password() {
        return POSTGRES ? PG_PASSWORD : "";
    }

    private static String createPostgres() {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/test", PG_USER,
                PG_PASSWORD)) {
            dropLeftovers(admin);
            admin.createStatement().execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + PG_HOST + " (user " + PG_USER
                    + ", database test) for the PostgreSQL pass: " + e.getMessage(), e);
        }
        return "jdbc:postgresql://" + PG_HOST + "/" + NAME;
    }

    /**
     * The pools of a test JVM stay open until it exits, so a run cannot drop its own database;
     * instead each run drops those that runs at least six hours older left behind.
     */
    private static void dropLeftovers(Connection admin) throws SQLException {
        long now = System.currentTimeMillis() / 1000;
        var names = new java.util.ArrayList<String>();
        try (var rs = admin.createStatement().executeQuery(
                "select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            String[] parts = name.substring(PREFIX.length()).split("_");
            boolean stamped = parts.length == 2 && parts[0].matches("\\d+");
            if (stamped && now - Long.parseLong(parts[0]) > LEFTOVER_AFTER_SECONDS) {
                admin.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
