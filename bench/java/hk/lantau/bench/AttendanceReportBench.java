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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A monthly report for a large organisation: {@code bench.people} people with a month of records
 * (both checks of every working day, written by JDBC batches with a mix of normal, late, seriously
 * late, early, missed and absent days, single days of approved leave with their leave rows,
 * overtime, and one typhoon day whose late and absent records are exempt), then the report and
 * export APIs timed one request at a time as an attendance clerk: the people report, the
 * department report with sub-departments, and the payroll export as CSV and as XLSX. Baseline in
 * the same run: the report's grouped statement alone over JDBC, and reading every record of the
 * month over JDBC. Medians of {@code bench.runs} requests each, after two warm-ups.
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=hk.lantau.bench.AttendanceReportBench \
 *     [-Dlantau.test.db=postgresql] [-Dbench.people=5000] [-Dbench.runs=7]</pre>
 */
public final class AttendanceReportBench {

    private AttendanceReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("bench.people", 5_000);
        int runs = Integer.getInteger("bench.runs", 7);
        YearMonth month = YearMonth.now(AttendanceOrganisation.HK).minusMonths(1);
        Instant after = month.plusMonths(1).atDay(3).atTime(LocalTime.of(10, 0))
                .atZone(AttendanceOrganisation.HK).toInstant();
        AttendanceOrganisation org = AttendanceOrganisation.start(after);
        try {
            long started = System.nanoTime();
            org.create(people);
            String reader = org.reader();
            int rows = new Month(org, month).seed();
            System.out.printf("database: %s; cores: %d; java %s; %,d people, %,d records of %s, set up in %.1f s; "
                            + "%d requests each%n", org.database(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), people, rows, month, (System.nanoTime() - started) / 1e9,
                    runs);
            Map<String, Timed> calls = new LinkedHashMap<>();
            calls.put("GET  reports/people?month", () -> get(org, reader,
                    "/api/v1/attendance/reports/people?month=" + month));
            calls.put("GET  reports/departments?month&includeSubDepartments", () -> get(org, reader,
                    "/api/v1/attendance/reports/departments?month=" + month + "&includeSubDepartments=true"));
            calls.put("POST exports CSV", () -> post(org, reader, "/api/v1/attendance/exports",
                    "{\"month\":\"" + month + "\",\"format\":\"CSV\"}"));
            calls.put("POST exports XLSX", () -> post(org, reader, "/api/v1/attendance/exports",
                    "{\"month\":\"" + month + "\",\"format\":\"XLSX\"}"));
            calls.put("JDBC report statement alone (baseline)", () -> figuresOverJdbc(org, month));
            calls.put("JDBC every record of the month (baseline)", () -> recordsOverJdbc(org, month));
            for (var call : calls.entrySet()) {
                double[] millis = new double[runs];
                long size = 0;
                for (int i = 0; i < runs + 2; i++) {
                    long t = System.nanoTime();
                    size = call.getValue().run();
                    if (i >= 2) {
                        millis[i - 2] = (System.nanoTime() - t) / 1e6;
                    }
                }
                double[] sorted = millis.clone();
                Arrays.sort(sorted);
                System.out.printf("%-55s median %8.0f ms (min %6.0f, max %6.0f); %,d %s; load %s%n", call.getKey(),
                        sorted[runs / 2], sorted[0], sorted[runs - 1], size,
                        call.getKey().startsWith("JDBC") ? "rows" : "bytes", AttendanceOrganisation.load());
            }
        } finally {
            org.close();
        }
        System.exit(0);
    }

    private interface Timed {
        long run() throws Exception;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static long get(AttendanceOrganisation org, String token, String path) throws Exception {
        return check(HTTP.send(HttpRequest.newBuilder(URI.create(org.baseUrl + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static long post(AttendanceOrganisation org, String token, String path, String body) throws Exception {
        return check(HTTP.send(HttpRequest.newBuilder(URI.create(org.baseUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static long check(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + ": " + new String(response.body()));
        }
        return response.body().length;
    }

    /** The grouped statement the people report runs, without the application around it. */
    private static long figuresOverJdbc(AttendanceOrganisation org, YearMonth month) throws SQLException {
        String late = "check_type = 'OnDuty' and exemption is null and time_result in ('Late', 'SeriousLate') "
                + "and user_time is not null and plan_time is not null";
        try (Connection c = org.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select userid, count(distinct case when user_time is not null then work_date end), "
                        + "sum(case when " + late + " then 1 else 0 end), "
                        + "sum(case when " + late + " then floor(extract(epoch from user_time) / 60) "
                        + "- floor(extract(epoch from plan_time) / 60) else 0 end), "
                        + "count(distinct case when exemption is null and time_result = 'Absenteeism' then work_date end) "
                        + "from att_record where tenant_id = ? and work_date between ? and ? group by userid order by userid")) {
            s.setLong(1, org.tenantId);
            s.setObject(2, month.atDay(1));
            s.setObject(3, month.atEndOfMonth());
            long n = 0;
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static long recordsOverJdbc(AttendanceOrganisation org, YearMonth month) throws SQLException {
        try (Connection c = org.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select * from att_record where tenant_id = ? and work_date between ? and ?")) {
            s.setLong(1, org.tenantId);
            s.setObject(2, month.atDay(1));
            s.setObject(3, month.atEndOfMonth());
            long n = 0;
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A month of records written as the punches, the close and approved leave would have written them. */
    private static final class Month {

        private final AttendanceOrganisation org;
        private final YearMonth month;
        private final Random random = new Random(11);
        private final LocalDate typhoonDay;

        Month(AttendanceOrganisation org, YearMonth month) {
            this.org = org;
            this.month = month;
            LocalDate day = month.atDay(10);
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            typhoonDay = day;
        }

        int seed() throws SQLException {
            int rows = 0;
            long leaveId = 0;
            Timestamp now = Timestamp.from(org.clock.instant());
            try (Connection c = org.dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement signal = c.prepareStatement("insert into att_weather_signal (tenant_id, "
                        + "signal_type, starts_at, ends_at, note, recorded_by, created_at, updated_at) "
                        + "values (?, 'T8_OR_ABOVE', ?, ?, 'Bench typhoon', 'bench', ?, ?)")) {
                    signal.setLong(1, org.tenantId);
                    signal.setTimestamp(2, Timestamp.from(at(typhoonDay, 5, 0)));
                    signal.setTimestamp(3, Timestamp.from(at(typhoonDay, 13, 0)));
                    signal.setTimestamp(4, now);
                    signal.setTimestamp(5, now);
                    signal.executeUpdate();
                }
                try (PreparedStatement record = c.prepareStatement("""
                        insert into att_record (tenant_id, userid, work_date, check_type, group_id, shift_id, shift_on,
                               shift_off, plan_time, user_time, time_result, location_result, exemption, source_type,
                               location_id, latitude, longitude, accuracy_m, ssid, bssid, accuracy_poor, outside_reason,
                               location_dropped, recorded_by, proc_inst_id, approve_id, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, false, null, false, ?,
                               ?, ?, ?, ?)""");
                     PreparedStatement leave = c.prepareStatement("""
                             insert into att_leave (tenant_id, instance_id, userid, kind, leave_type, starts_at, ends_at,
                                    work_date, hours, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (int i = 0; i < org.userIds.size(); i++) {
                        String userId = org.userIds.get(i);
                        int group = org.groupOfPerson.get(i);
                        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                                continue;
                            }
                            double roll = random.nextDouble();
                            Check on = new Check("OnDuty", at(day, 9, 0));
                            Check off = new Check("OffDuty", at(day, 18, 0));
                            String instance = null;
                            Long approve = null;
                            if (roll < 0.03) {
                                instance = "bench-" + userId + "-" + day;
                                approve = ++leaveId;
                                addLeave(leave, instance, userId, "LEAVE", "Annual leave", at(day, 0, 0),
                                        at(day.plusDays(1), 0, 0), null, null, now);
                                on.leave();
                                off.leave();
                            } else if (roll < 0.05) {
                                on.absent();
                                off.absent();
                            } else {
                                double late = random.nextDouble();
                                on.punched(late < 0.08 ? at(day, 9, 6 + random.nextInt(24))
                                                : late < 0.10 ? at(day, 9, 31 + random.nextInt(60))
                                                : at(day, 8, 20 + random.nextInt(45)),
                                        late < 0.08 ? "Late" : late < 0.10 ? "SeriousLate" : "Normal");
                                double early = random.nextDouble();
                                if (early < 0.02) {
                                    off.missed();
                                } else if (early < 0.05) {
                                    off.punched(at(day, 17, random.nextInt(60)), "Early");
                                } else {
                                    off.punched(at(day, 18, random.nextInt(90)), "Normal");
                                }
                                if (random.nextDouble() < 0.05) {
                                    addLeave(leave, "bench-ot-" + userId + "-" + day, userId, "OVERTIME", null,
                                            at(day, 18, 30), at(day, 20, 30), day, 2.0, now);
                                }
                            }
                            for (Check check : new Check[] {on, off}) {
                                boolean exempt = day.equals(typhoonDay) && !"Normal".equals(check.result);
                                record.setLong(1, org.tenantId);
                                record.setString(2, userId);
                                record.setObject(3, day);
                                record.setString(4, check.type);
                                record.setLong(5, org.groupIds.get(group));
                                record.setLong(6, org.shiftId);
                                record.setTimestamp(7, Timestamp.from(at(day, 9, 0)));
                                record.setTimestamp(8, Timestamp.from(at(day, 18, 0)));
                                record.setTimestamp(9, Timestamp.from(check.plan));
                                record.setTimestamp(10, check.user == null ? null : Timestamp.from(check.user));
                                record.setString(11, check.result);
                                record.setString(12, check.user == null ? "NotSigned" : "Normal");
                                record.setString(13, exempt ? "WEATHER_EXEMPT" : null);
                                record.setString(14, check.source);
                                if (check.user == null) {
                                    record.setNull(15, java.sql.Types.BIGINT);
                                    record.setNull(16, java.sql.Types.DOUBLE);
                                    record.setNull(17, java.sql.Types.DOUBLE);
                                    record.setNull(18, java.sql.Types.DOUBLE);
                                } else {
                                    double[] office = AttendanceOrganisation.OFFICES[group];
                                    record.setLong(15, org.placeIds.get(group));
                                    record.setDouble(16, office[0]);
                                    record.setDouble(17, office[1]);
                                    record.setDouble(18, 15);
                                }
                                record.setString(19, check.user == null ? "system:attendance" : "user:" + userId);
                                record.setString(20, instance);
                                if (approve == null) {
                                    record.setNull(21, java.sql.Types.BIGINT);
                                } else {
                                    record.setLong(21, approve);
                                }
                                record.setTimestamp(22, now);
                                record.setTimestamp(23, now);
                                record.addBatch();
                                if (++rows % 1000 == 0) {
                                    record.executeBatch();
                                    leave.executeBatch();
                                    c.commit();
                                }
                            }
                        }
                    }
                    record.executeBatch();
                    leave.executeBatch();
                    c.commit();
                }
                if ("PostgreSQL".equals(org.database())) {
                    c.setAutoCommit(true);
                    try (Statement s = c.createStatement()) {
                        s.execute("vacuum analyze att_record");
                        s.execute("vacuum analyze att_leave");
                    }
                }
            }
            return rows;
        }

        private void addLeave(PreparedStatement leave, String instance, String userId, String kind, String type,
                              Instant start, Instant end, LocalDate workDate, Double hours, Timestamp now)
                throws SQLException {
            leave.setLong(1, org.tenantId);
            leave.setString(2, instance);
            leave.setString(3, userId);
            leave.setString(4, kind);
            leave.setString(5, type);
            leave.setTimestamp(6, Timestamp.from(start));
            leave.setTimestamp(7, Timestamp.from(end));
            leave.setObject(8, workDate);
            if (hours == null) {
                leave.setNull(9, java.sql.Types.NUMERIC);
            } else {
                leave.setBigDecimal(9, java.math.BigDecimal.valueOf(hours));
            }
            leave.setTimestamp(10, now);
            leave.addBatch();
        }

        private static Instant at(LocalDate day, int hour, int minute) {
            return day.atTime(hour, 0).plusMinutes(minute).atZone(AttendanceOrganisation.HK).toInstant();
        }
    }

    /** One check of a day as it ends up recorded. */
    private static final class Check {

        final String type;
        final Instant plan;
        Instant user;
        String result = "NotSigned";
        String source = "SYSTEM";

        Check(String type, Instant plan) {
            this.type = type;
            this.plan = plan;
        }

        void punched(Instant at, String result) {
            this.user = at;
            this.result = result;
            this.source = "USER";
        }

        void leave() {
            this.result = "Normal";
            this.source = "APPROVE";
        }

        void absent() {
            this.result = "Absenteeism";
        }

        void missed() {
            this.result = "NotSigned";
        }
    }
}
