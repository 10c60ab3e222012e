package hk.lantau.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A morning peak: every person of a large organisation clocks in once through
 * {@code POST /api/v1/attendance/punches}, each with their own session's bearer token (people
 * clock in on their phones, already signed in), as fast as {@code bench.concurrency} callers
 * get answers. Baseline in the same run: a plain JDBC batch insert of the same rows into the same
 * table. The table holds the previous Thursday's and Friday's records of everyone, as on a real
 * Monday (so the planner's statistics and each person's latest punch are those of a table in use).
 * Each run starts at 08:20 of that Monday in Hong Kong with an empty day (the previous run's records
 * of the day deleted, sessions last seen ten minutes before), so every run is the same morning;
 * baseline and API alternate, and the medians are printed.
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=hk.lantau.bench.AttendancePeakBench \
 *     [-Dlantau.test.db=postgresql] [-Dbench.people=50000] [-Dbench.runs=3] [-Dbench.concurrency=16]</pre>
 */
public final class AttendancePeakBench {

    /** Working days of records before the benchmark's Monday (the Thursday and Friday before it). */
    private static final int HISTORY_DAYS = 2;

    private AttendancePeakBench() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("bench.people", 50_000);
        int runs = Integer.getInteger("bench.runs", 3);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int warmUp = Integer.getInteger("bench.warmup", 5_000);
        LocalDate monday = LocalDate.now(AttendanceOrganisation.HK).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant morning = monday.atTime(LocalTime.of(8, 20)).atZone(AttendanceOrganisation.HK).toInstant();
        AttendanceOrganisation org = AttendanceOrganisation.start(morning,
                "server.tomcat.threads.max=" + Math.max(200, concurrency * 2));
        try {
            long started = System.nanoTime();
            org.create(people);
            System.out.printf("database: %s; cores: %d; java %s; %,d people in %d groups, set up in %.1f s; "
                            + "concurrency %d; %d runs; work date %s%n", org.database(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), people,
                    AttendanceOrganisation.GROUPS, (System.nanoTime() - started) / 1e9, concurrency, runs, monday);
            new Peak(org, monday, morning, concurrency).go(runs, warmUp);
        } finally {
            org.close();
        }
        System.exit(0);
    }

    private static final class Peak {

        private final AttendanceOrganisation org;
        private final LocalDate workDate;
        private final Instant morning;
        private final int concurrency;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final List<String> bodies = new ArrayList<>();
        private final Random random = new Random(7);

        Peak(AttendanceOrganisation org, LocalDate workDate, Instant morning, int concurrency) {
            this.org = org;
            this.workDate = workDate;
            this.morning = morning;
            this.concurrency = concurrency;
            for (int i = 0; i < org.userIds.size(); i++) {
                double[] office = AttendanceOrganisation.OFFICES[org.groupOfPerson.get(i)];
                // Within about 50 m of the office's centre, phone accuracy 5 to 35 m.
                bodies.add(String.format(Locale.ROOT, "{\"latitude\":%.6f,\"longitude\":%.6f,\"accuracy\":%d}",
                        office[0] + (random.nextDouble() - 0.5) * 0.0008, office[1] + (random.nextDouble() - 0.5) * 0.0008,
                        5 + random.nextInt(31)));
            }
        }

        void go(int runs, int warmUp) throws Exception {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < org.userIds.size(); i++) {
                all.add(i);
            }
            long seeded = System.nanoTime();
            for (int back = HISTORY_DAYS; back >= 1; back--) {
                LocalDate day = workDate.minusDays(back + 2L);
                batch(all, day, "OnDuty", day.atTime(8, 55));
                batch(all, day, "OffDuty", day.atTime(18, 5));
            }
            System.out.printf("history: %,d records of %d working days before, in %.1f s%n",
                    all.size() * 2L * HISTORY_DAYS, HISTORY_DAYS, (System.nanoTime() - seeded) / 1e9);
            reset();
            batch(all.subList(0, Math.min(warmUp, all.size())));
            reset();
            Result w = api(all.subList(0, Math.min(warmUp, all.size())));
            System.out.printf("warm-up: %,d clock-ins, %.0f /s, %d refused%n", w.count, w.rate(), w.failed);
            double[] apiRates = new double[runs];
            double[] batchRates = new double[runs];
            double[] ratios = new double[runs];
            List<Result> results = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Collections.shuffle(all, random);
                reset();
                double batchSeconds = batch(all);
                reset();
                Result r = api(all);
                results.add(r);
                apiRates[run] = r.rate();
                batchRates[run] = all.size() / batchSeconds;
                ratios[run] = batchRates[run] / apiRates[run];
                System.out.printf("run %d: API %,d clock-ins in %.1f s = %.0f /s (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                                + "max %.0f ms; %d refused %s); batch insert %.2f s = %.0f rows/s; batch/API %.1f; load %s%n",
                        run + 1, r.count, r.seconds, r.rate(), r.percentile(50), r.percentile(95), r.percentile(99),
                        r.percentile(100), r.failed, r.statuses, batchSeconds, batchRates[run], ratios[run],
                        AttendanceOrganisation.load());
            }
            Result median = results.stream().sorted((a, b) -> Double.compare(a.seconds, b.seconds)).toList()
                    .get(runs / 2);
            System.out.printf("median of %d runs: API %.0f /s (the run of median time: %.1f s, p50 %.1f ms, p95 %.1f ms, "
                            + "p99 %.1f ms); batch insert %.0f rows/s; batch/API %.1f%n", runs, median(apiRates),
                    median.seconds, median.percentile(50), median.percentile(95), median.percentile(99),
                    median(batchRates), median(ratios));
        }

        /** An empty day: its records deleted, sessions last seen ten minutes ago, the clock at 08:20. */
        private void reset() throws SQLException, InterruptedException {
            org.clock.jump(morning);
            try (Connection c = org.dataSource.getConnection(); Statement s = c.createStatement()) {
                try (PreparedStatement day = c.prepareStatement(
                        "delete from att_record where tenant_id = ? and work_date = ?")) {
                    day.setLong(1, org.tenantId);
                    day.setObject(2, workDate);
                    day.executeUpdate();
                }
                try (PreparedStatement seen = c.prepareStatement(
                        "update idn_session set last_seen_at = ? where tenant_id = ?")) {
                    seen.setTimestamp(1, Timestamp.from(morning.minus(Duration.ofMinutes(10))));
                    seen.setLong(2, org.tenantId);
                    seen.executeUpdate();
                }
                if ("PostgreSQL".equals(org.database())) {
                    s.execute("vacuum analyze att_record");
                    s.execute("vacuum analyze idn_session");
                }
            }
            // The session cache keeps resolved sessions ten seconds: let them lapse, as overnight.
            Thread.sleep(10_500);
        }

        /** The rows the API writes for these people's on-duty punches, inserted in batches of 1,000. */
        private double batch(List<Integer> who) throws SQLException {
            return batch(who, workDate, "OnDuty", null);
        }

        /** One check type's rows of a day, punched at {@code at} (null: the clock's time). */
        private double batch(List<Integer> who, LocalDate day, String checkType, LocalDateTime at) throws SQLException {
            Instant on = day.atTime(9, 0).atZone(AttendanceOrganisation.HK).toInstant();
            Instant off = day.atTime(18, 0).atZone(AttendanceOrganisation.HK).toInstant();
            Instant planned = "OnDuty".equals(checkType) ? on : off;
            long start = System.nanoTime();
            try (Connection c = org.dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into att_record (tenant_id, userid, work_date, check_type, group_id, shift_id, shift_on,
                               shift_off, plan_time, user_time, time_result, location_result, exemption, source_type,
                               location_id, latitude, longitude, accuracy_m, ssid, bssid, accuracy_poor, outside_reason,
                               location_dropped, recorded_by, proc_inst_id, approve_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Normal', 'Normal', null, 'USER', ?, ?, ?, ?, null,
                               null, false, null, false, ?, null, null, ?, ?)""")) {
                    int n = 0;
                    for (int i : who) {
                        Timestamp now = Timestamp.from(at == null ? org.clock.instant()
                                : at.atZone(AttendanceOrganisation.HK).toInstant());
                        int group = org.groupOfPerson.get(i);
                        double[] office = AttendanceOrganisation.OFFICES[group];
                        insert.setLong(1, org.tenantId);
                        insert.setString(2, org.userIds.get(i));
                        insert.setObject(3, day);
                        insert.setString(4, checkType);
                        insert.setLong(5, org.groupIds.get(group));
                        insert.setLong(6, org.shiftId);
                        insert.setTimestamp(7, Timestamp.from(on));
                        insert.setTimestamp(8, Timestamp.from(off));
                        insert.setTimestamp(9, Timestamp.from(planned));
                        insert.setTimestamp(10, Timestamp.from(now.toInstant().truncatedTo(ChronoUnit.SECONDS)));
                        insert.setLong(11, org.placeIds.get(group));
                        insert.setDouble(12, office[0]);
                        insert.setDouble(13, office[1]);
                        insert.setDouble(14, 15);
                        insert.setString(15, "user:" + org.userIds.get(i));
                        insert.setTimestamp(16, now);
                        insert.setTimestamp(17, now);
                        insert.addBatch();
                        if (++n % 1000 == 0 || n == who.size()) {
                            insert.executeBatch();
                            c.commit();
                        }
                    }
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }

        private Result api(List<Integer> who) throws InterruptedException {
            long[] micros = new long[who.size()];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
            ExecutorService callers = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            for (int t = 0; t < concurrency; t++) {
                callers.execute(() -> {
                    for (int k = next.getAndIncrement(); k < who.size(); k = next.getAndIncrement()) {
                        int i = who.get(k);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(org.baseUrl + "/api/v1/attendance/punches"))
                                .header("Authorization", "Bearer " + org.tokens.get(i))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        micros[k] = (System.nanoTime() - t0) / 1_000;
                        if (status != 201) {
                            failed.incrementAndGet();
                            statuses.merge(status, 1, Integer::sum);
                        }
                    }
                });
            }
            callers.shutdown();
            callers.awaitTermination(1, TimeUnit.HOURS);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(micros);
            return new Result(who.size(), seconds, micros, failed.get(), statuses);
        }
    }

    private record Result(int count, double seconds, long[] micros, int failed, Map<Integer, Integer> statuses) {

        double rate() {
            return count / seconds;
        }

        double percentile(int p) {
            int index = Math.min(micros.length - 1, (int) Math.ceil(micros.length * p / 100.0) - 1);
            return micros[Math.max(0, index)] / 1000.0;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
