package hk.lantau.bench;

import hk.lantau.LantauApplication;
import hk.lantau.compliance.AuditEntry;
import hk.lantau.compliance.AuditTrail;
import hk.lantau.compliance.AuditVerification;
import hk.lantau.compliance.ChainVerification;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.AuditableEvent;
import hk.lantau.shared.Tokens;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javax.crypto.Mac;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit trail throughput and verification time, on an H2 file database and (when reachable) the
 * local PostgreSQL. Each figure is the median of several runs and is compared with a baseline
 * measured in the same run: a plain insert of the same row in its own transaction, without the
 * HMAC, the head-row lock and the head update.
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=hk.lantau.bench.AuditBench</pre>
 *
 * System properties: {@code bench.runs} (5), {@code bench.records.h2} (2000),
 * {@code bench.records.pg} (500), {@code bench.chain} (1000000), {@code bench.postgres} (true).
 */
public final class AuditBench {

    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int CHAIN = Integer.getInteger("bench.chain", 1_000_000);
    private static final long CHAIN_TENANT = 900_000L;
    private static final AtomicLong NEXT_TENANT = new AtomicLong(100_000);

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("lantau-audit-bench");
        Path keys = work.resolve("keys");
        System.out.printf("Audit trail benchmark: %d runs per figure, medians; %s%n", RUNS, machine());
        String h2Url = "jdbc:h2:file:" + work.resolve("h2/bench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext h2 = start(h2Url, "sa", work, keys)) {
            benchWrites("H2 (file)", h2, Integer.getInteger("bench.records.h2", 2000));
            writeChain("H2 (file)", h2);
            benchVerify("H2 (file)", h2);
            if (!Boolean.parseBoolean(System.getProperty("bench.postgres", "true"))) {
                System.out.println("PostgreSQL skipped (bench.postgres=false).");
            } else if (postgresReachable()) {
                benchPostgres(work, keys);
            } else {
                System.out.println("PostgreSQL at 127.0.0.1:5432 not reachable: skipped.");
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void benchPostgres(Path work, Path keys) throws Exception {
        String database = "lantau_bench_" + Tokens.randomHex(4);
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "")) {
            admin.createStatement().execute("create database " + database);
        }
        try {
            String url = "jdbc:postgresql://127.0.0.1:5432/" + database + "?reWriteBatchedInserts=true";
            try (ConfigurableApplicationContext pg = start(url, "postgres", work, keys)) {
                benchWrites("PostgreSQL", pg, Integer.getInteger("bench.records.pg", 500));
                writeChain("PostgreSQL", pg);
                benchVerify("PostgreSQL", pg);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, String user, Path work, Path keys) {
        // Command-line arguments, so they take precedence over application.yml.
        return new SpringApplicationBuilder(LantauApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--lantau.data-dir=" + work,
                        "--lantau.keys-dir=" + keys, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    }

    /** Records per second: the audit trail against a plain insert, one and two threads. */
    private static void benchWrites(String db, ConfigurableApplicationContext context, int records) throws Exception {
        AuditTrail trail = context.getBean(AuditTrail.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        createPlainTable(jdbc);
        AtomicLong plainSeq = new AtomicLong();
        LongConsumer audited = tenant -> trail.record(new BenchEvent(tenant, plainSeq.get()));
        LongConsumer plain = tenant -> tx.executeWithoutResult(s -> insertPlain(jdbc, tenant,
                plainSeq.incrementAndGet()));
        rate(plain, records, 1, false);
        rate(audited, records, 1, false);
        System.out.printf("%n%s, %d records per run, one transaction per record (records/s)%n", db, records);
        System.out.printf("%-36s %10s %10s %7s%n", "", "audit", "baseline", "ratio");
        report("1 thread, one chain", median(audited, plain, records, 1, false));
        report("2 threads, one shared chain", median(audited, plain, records, 2, false));
        report("2 threads, a chain each", median(audited, plain, records, 2, true));
    }

    private static double[] median(LongConsumer audited, LongConsumer plain, int records, int threads,
                                   boolean chainPerThread) throws Exception {
        double[] audit = new double[RUNS];
        double[] base = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            base[run] = rate(plain, records, threads, chainPerThread);
            audit[run] = rate(audited, records, threads, chainPerThread);
        }
        return new double[] {median(audit), median(base)};
    }

    private static void report(String label, double[] figures) {
        System.out.printf("%-36s %10.0f %10.0f %7.2f%n", label, figures[0], figures[1], figures[0] / figures[1]);
    }

    /** Writes {@code records} rows split over {@code threads} and returns rows per second. */
    private static double rate(LongConsumer write, int records, int threads, boolean chainPerThread)
            throws Exception {
        long shared = NEXT_TENANT.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long tenant = chainPerThread ? NEXT_TENANT.incrementAndGet() : shared;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < records / threads; i++) {
                        write.accept(tenant);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Writes a valid chain of {@link #CHAIN} records with batched inserts. The hashes come from the
     * application's own (package-private) ChainHasher, reached by reflection, so the bench does
     * not copy the hashing rules; going through AuditTrail one record at a time would take many
     * minutes on a loaded two-core machine.
     */
    private static void writeChain(String db, ConfigurableApplicationContext context) throws Exception {
        Class<?> type = Class.forName("hk.lantau.compliance.internal.ChainHasher");
        Object hasher = context.getBean(type);
        Method newMac = type.getDeclaredMethod("newMac");
        Method hash = type.getDeclaredMethod("hash", Mac.class, AuditEntry.class);
        newMac.setAccessible(true);
        hash.setAccessible(true);
        Mac mac = (Mac) newMac.invoke(hasher);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        String[] prev = {"0".repeat(64)};
        long start = System.nanoTime();
        for (int from = 1; from <= CHAIN; from += 10_000) {
            List<Object[]> rows = new ArrayList<>();
            for (long seq = from; seq < from + 10_000 && seq <= CHAIN; seq++) {
                AuditEntry entry = new AuditEntry(CHAIN_TENANT, seq, base.plusMillis(seq), ActorKind.USER,
                        "user:bench" + seq % 50, "Bench User", "203.0.113." + seq % 250, "req" + seq,
                        "bench.thing.changed", "thing", "t-" + seq, "{\"n\":" + seq + "}", prev[0], null);
                String h = (String) hash.invoke(hasher, mac, entry);
                rows.add(new Object[] {entry.chain(), entry.seq(),
                    OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.actorKind().name(),
                    entry.actorReference(), entry.actorName(), entry.ip(), entry.requestId(), entry.action(),
                    entry.targetType(), entry.targetId(), entry.changes(), entry.prevHash(), h});
                prev[0] = h;
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate("insert into cmp_audit_record (chain, seq, occurred_at, "
                    + "actor_kind, actor_ref, actor_name, ip, request_id, action, target_type, target_id, changes, "
                    + "prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
        }
        jdbc.update("insert into cmp_audit_head (chain, last_seq, last_hash) values (?, ?, ?)", CHAIN_TENANT,
                (long) CHAIN, prev[0]);
        System.out.printf("%n%s: wrote a chain of %,d records in %.1f s (batched setup, not measured)%n", db, CHAIN,
                (System.nanoTime() - start) / 1e9);
    }

    private static void benchVerify(String db, ConfigurableApplicationContext context) {
        AuditVerification verification = context.getBean(AuditVerification.class);
        double[] seconds = new double[Math.max(3, RUNS / 2)];
        ChainVerification result = null;
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            result = verification.verify(CHAIN_TENANT);
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        if (result == null || !result.intact() || result.recordsChecked() != CHAIN) {
            throw new IllegalStateException("Unexpected verification result " + result);
        }
        double median = median(seconds);
        System.out.printf("%s: verified %,d records in %.2f s median of %d runs (%,.0f records/s); runs: %s%n", db,
                CHAIN, median, seconds.length, CHAIN / median, Arrays.toString(round(seconds)));
    }

    private static void createPlainTable(JdbcClient jdbc) {
        jdbc.sql("""
                create table if not exists bench_plain_audit (
                    chain bigint not null, seq bigint not null, occurred_at timestamp with time zone not null,
                    actor_kind varchar(16) not null, actor_ref varchar(200) not null, actor_name varchar(200),
                    ip varchar(64), request_id varchar(64), action varchar(120) not null, target_type varchar(60),
                    target_id varchar(200), changes varchar(100000) not null, prev_hash varchar(64) not null,
                    hash varchar(64) not null, primary key (chain, seq))""").update();
        jdbc.sql("create index if not exists bench_plain_target_idx on bench_plain_audit (chain, target_type, "
                + "target_id)").update();
        jdbc.sql("create index if not exists bench_plain_actor_idx on bench_plain_audit (chain, actor_ref)").update();
    }

    private static void insertPlain(JdbcClient jdbc, long chain, long seq) {
        jdbc.sql("""
                insert into bench_plain_audit (chain, seq, occurred_at, actor_kind, actor_ref, actor_name, ip,
                    request_id, action, target_type, target_id, changes, prev_hash, hash)
                values (:chain, :seq, :at, 'SYSTEM', 'system:lantau', 'lantau', null, null, 'bench.thing.changed',
                    'thing', :target, :changes, :hash, :hash)""")
                .param("chain", chain).param("seq", seq).param("at", OffsetDateTime.now())
                .param("target", "t-" + seq).param("changes", "{\"n\":" + seq + "}")
                .param("hash", "0".repeat(64)).update();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
    }

    private static boolean postgresReachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), Java "
                + System.getProperty("java.version") + ", load average at start " + load;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    /** A typical audit event: a small change summary. */
    private record BenchEvent(Long tenantId, long n) implements AuditableEvent {

        @Override
        public String action() {
            return "bench.thing.changed";
        }

        @Override
        public String targetType() {
            return "thing";
        }

        @Override
        public String targetId() {
            return "t-" + n;
        }

        @Override
        public Map<String, Object> changes() {
            return Map.of("n", n);
        }
    }
}
