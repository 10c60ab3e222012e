package hk.lantau.bench;

import hk.lantau.identity.internal.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * How many password sign-ins per second one node can check: the Argon2id verification a sign-in
 * spends nearly all its CPU on, with Lantau's parameters, on 1 and 2 threads. Each figure is the
 * median of several timed runs after a warm-up; two baselines run in the same process: Spring
 * Security's default Argon2id parameters, and a bare SHA-256 (what a fast hash would cost).
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:java -Dexec.mainClass=hk.lantau.bench.SignInBench}
 * (optional arguments: seconds per run, runs; defaults 5 and 5).
 */
public final class SignInBench {

    private static final String PASSWORD = "Correct-Horse-42";

    private SignInBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        machine();

        PasswordHasher lantau = new PasswordHasher();
        String lantauHash = lantau.hash(PASSWORD);
        Argon2PasswordEncoder springDefault = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        String springHash = springDefault.encode(PASSWORD);
        byte[] sha = sha256(PASSWORD);

        List<Case> cases = List.of(
                new Case("Lantau Argon2id (m=" + PasswordHasher.MEMORY_KIB + " KiB, t=" + PasswordHasher.ITERATIONS
                        + ", p=1)", p -> lantau.matches(p, lantauHash)),
                new Case("Spring default Argon2id (m=16384 KiB, t=2, p=1)", p -> springDefault.matches(p, springHash)),
                new Case("bare SHA-256", p -> MessageDigest.isEqual(sha256(p), sha)));

        System.out.printf("%nEach figure: median of %d runs of %.1f s, after a warm-up.%n%n", runs, seconds);
        System.out.println("| check | threads | sign-ins/s (median) | runs | ratio to Lantau |");
        System.out.println("|---|---|---|---|---|");
        for (int threads : new int[] {1, 2}) {
            double lantauRate = 0;
            for (Case c : cases) {
                measure(c, threads, Math.min(2, seconds));
                List<Double> rates = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    rates.add(measure(c, threads, seconds));
                }
                double median = median(rates);
                if (c == cases.get(0)) {
                    lantauRate = median;
                }
                System.out.printf("| %s | %d | %,.1f | %s | %.2f× |%n", c.name(), threads, median, format(rates),
                        median / lantauRate);
            }
        }
    }

    /** Sign-ins per second: every thread checks the right password in a loop until the time is up. */
    private static double measure(Case c, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        if (!c.check().test(PASSWORD)) {
                            throw new IllegalStateException(c.name() + " refused the right password");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static String format(List<Double> rates) {
        return String.join(" / ", rates.stream().map(r -> String.format("%,.0f", r)).toList());
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void machine() {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("Machine: " + runtime.availableProcessors() + " CPUs available to the JVM, "
                + cpuModel() + ", JVM max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", load average "
                + loadAverage() + " at start");
    }

    /** Other work on the machine skews every figure; the load average says how busy it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    private record Case(String name, Predicate<String> check) {
    }
}
