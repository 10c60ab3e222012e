package hk.lantau.bench;

import hk.lantau.LantauApplication;
import hk.lantau.attendance.AttendanceGroups;
import hk.lantau.attendance.AttendancePolicy;
import hk.lantau.attendance.GroupDefinition;
import hk.lantau.attendance.OutsidePolicy;
import hk.lantau.attendance.PlaceDefinition;
import hk.lantau.attendance.Places;
import hk.lantau.attendance.SettingsChange;
import hk.lantau.attendance.ShiftDefinition;
import hk.lantau.attendance.Shifts;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.NewDepartment;
import hk.lantau.directory.NewRole;
import hk.lantau.directory.NewUser;
import hk.lantau.directory.Roles;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.Tokens;
import hk.lantau.support.TestDatabase;
import hk.lantau.tenant.Edition;
import hk.lantau.tenant.NewOrganisation;
import hk.lantau.tenant.Organisations;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the attendance benchmarks share: the application started inside the benchmark's JVM on a
 * real HTTP port and a clock that runs at real speed from a chosen moment, and an organisation
 * whose people work in attendance groups. The set-up (departments, places, a shift, groups by
 * department, the monitoring notice) goes through the module APIs; the people, their sign-in
 * accounts, a signed-in session each and their acknowledgement of the notice are written with
 * JDBC batches, because creating tens of thousands of people through the directory and signing
 * each in with a password hash would take longer than the benchmark itself.
 */
final class AttendanceOrganisation {

    static final ZoneId HK = ZoneId.of("Asia/Hong_Kong");
    static final int DEPARTMENTS = 10;
    static final int GROUPS = 5;
    /** Office centres, one per group; a punch inside the fence lands within metres of one. */
    static final double[][] OFFICES = {{22.2800, 114.1588}, {22.2963, 114.1722}, {22.3193, 114.1694},
            {22.2849, 114.2246}, {22.3720, 114.1140}};

    final ConfigurableApplicationContext app;
    final BenchClock clock;
    final DataSource dataSource;
    final String baseUrl;
    long tenantId;
    final List<String> userIds = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();
    final List<Integer> groupOfPerson = new ArrayList<>();
    final List<Long> departmentIds = new ArrayList<>();
    final List<Long> groupIds = new ArrayList<>();
    final List<Long> placeIds = new ArrayList<>();
    long shiftId;

    private AttendanceOrganisation(ConfigurableApplicationContext app, BenchClock clock) {
        this.app = app;
        this.clock = clock;
        this.dataSource = app.getBean(DataSource.class);
        this.baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    /** Starts the application on H2 (a file in a temporary data directory) or a fresh PostgreSQL database. */
    static AttendanceOrganisation start(Instant startAt, String... extra) throws Exception {
        String dataDir = Files.createTempDirectory("lantau-attendance-bench-").toString();
        List<String> properties = new ArrayList<>(List.of("lantau.data-dir=" + dataDir, "server.port=0",
                "lantau.identity.operator-password=Bench-" + UUID.randomUUID(), "logging.level.root=WARN",
                "spring.main.banner-mode=off", "lantau.attendance.close-cron=-", "lantau.approval.timeout-cron=-",
                "lantau.approval.digest-cron=-", "lantau.approval.trigger-cron=-"));
        if (TestDatabase.POSTGRES) {
            properties.addAll(List.of("spring.datasource.url=" + TestDatabase.url(),
                    "spring.datasource.username=" + TestDatabase.user(),
                    "spring.datasource.password=" + TestDatabase.password()));
        }
        properties.addAll(List.of(extra));
        BenchClock clock = new BenchClock(startAt);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(LantauApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        return new AttendanceOrganisation(app, clock);
    }

    String database() {
        return TestDatabase.POSTGRES ? "PostgreSQL" : "H2";
    }

    /**
     * An organisation of {@code people} people in {@link #DEPARTMENTS} departments under the root,
     * {@link #GROUPS} groups each naming two departments, with a place each and one 09:00 to 18:00
     * Monday-to-Friday shift; everyone signed in once and has acknowledged the notice.
     */
    void create(int people) throws SQLException {
        var org = ActorScope.callAs(Actor.system("bench"), () -> app.getBean(Organisations.class).create(
                new NewOrganisation("Attendance bench " + UUID.randomUUID().toString().substring(0, 8), null, null,
                        Edition.FLAGSHIP)));
        tenantId = org.id();
        ActorScope.runAs(Actor.system(tenantId, "bench"), () -> {
            Departments departments = app.getBean(Departments.class);
            for (int d = 0; d < DEPARTMENTS; d++) {
                departmentIds.add(departments.create(tenantId, new NewDepartment("Department " + (d + 1),
                        Directory.ROOT_DEPARTMENT_ID, d, false)).id());
            }
            shiftId = app.getBean(Shifts.class).create(tenantId, new ShiftDefinition("Office hours", "09:00", "18:00",
                    // A list that answers contains(null), as the JSON body's list does: the validation asks.
                    5, 30, 120, Arrays.asList(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))).id();
            for (int g = 0; g < GROUPS; g++) {
                long place = app.getBean(Places.class).create(tenantId, new PlaceDefinition("Office " + (g + 1), null,
                        OFFICES[g][0], OFFICES[g][1], 200, List.of())).id();
                placeIds.add(place);
                groupIds.add(app.getBean(AttendanceGroups.class).create(tenantId, new GroupDefinition("Group " + (g + 1),
                        shiftId, OutsidePolicy.ACCEPT_WITH_REASON, 100, List.of(place), List.of(),
                        List.of(departmentIds.get(2 * g), departmentIds.get(2 * g + 1)))).id());
            }
            app.getBean(AttendancePolicy.class).change(tenantId, new SettingsChange(
                    "We record one location point when you clock in, to confirm attendance at our offices.", null,
                    null));
        });
        seedPeople(people);
    }

    /** A person holding a role that may read everyone's attendance (not one the MFA policy names), signed in. */
    String reader() throws SQLException {
        String[] userId = new String[1];
        ActorScope.runAs(Actor.system(tenantId, "bench"), () -> {
            Roles roles = app.getBean(Roles.class);
            roles.create(tenantId, new NewRole("attendance_clerk", "Attendance clerk", List.of("attendance.read")));
            userId[0] = app.getBean(Directory.class).createUser(tenantId, NewUser.of("Bench Clerk",
                    "clerk@bench.example.hk", "+852 61234567", List.of(Directory.ROOT_DEPARTMENT_ID), List.of()))
                    .userId();
            roles.assign(tenantId, userId[0], List.of("attendance_clerk"));
        });
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String token = "bench-" + Tokens.random(24);
            long account = insertAccount(c, userId[0]);
            insertSession(c, account, token);
            c.commit();
            return token;
        }
    }

    private void seedPeople(int people) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("insert into dir_user (tenant_id, userid, name, job_number, "
                    + "status, created_at, updated_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?)");
                 PreparedStatement member = c.prepareStatement("insert into dir_membership (tenant_id, department_id, "
                         + "userid, is_leader, sort_order, created_at) values (?, ?, ?, false, 0, ?)");
                 PreparedStatement ack = c.prepareStatement("insert into att_notice_ack (tenant_id, userid, "
                         + "notice_version, acknowledged_at) values (?, ?, 1, ?)")) {
                for (int i = 0; i < people; i++) {
                    String userId = String.format("b%06d", i);
                    int department = i % DEPARTMENTS;
                    userIds.add(userId);
                    groupOfPerson.add(department / 2);
                    user.setLong(1, tenantId);
                    user.setString(2, userId);
                    user.setString(3, "Person " + i);
                    user.setString(4, "E" + i);
                    user.setTimestamp(5, now);
                    user.setTimestamp(6, now);
                    user.addBatch();
                    member.setLong(1, tenantId);
                    member.setLong(2, departmentIds.get(department));
                    member.setString(3, userId);
                    member.setTimestamp(4, now);
                    member.addBatch();
                    ack.setLong(1, tenantId);
                    ack.setString(2, userId);
                    ack.setTimestamp(3, now);
                    ack.addBatch();
                    if (i % 1000 == 999 || i == people - 1) {
                        user.executeBatch();
                        member.executeBatch();
                        ack.executeBatch();
                    }
                }
            }
            c.commit();
            try (PreparedStatement account = c.prepareStatement(ACCOUNT)) {
                for (int i = 0; i < userIds.size(); i++) {
                    bindAccount(account, userIds.get(i), now);
                    account.addBatch();
                    if (i % 1000 == 999 || i == userIds.size() - 1) {
                        account.executeBatch();
                    }
                }
            }
            Map<String, Long> accounts = new HashMap<>();
            try (PreparedStatement read = c.prepareStatement("select id, user_id from idn_account where tenant_id = ?")) {
                read.setLong(1, tenantId);
                try (var rs = read.executeQuery()) {
                    while (rs.next()) {
                        accounts.put(rs.getString(2), rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement session = c.prepareStatement(SESSION)) {
                for (int i = 0; i < userIds.size(); i++) {
                    String token = "bench-" + Tokens.random(24);
                    tokens.add(token);
                    bindSession(session, accounts.get(userIds.get(i)), token);
                    session.addBatch();
                    if (i % 1000 == 999 || i == userIds.size() - 1) {
                        session.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    private static final String ACCOUNT = "insert into idn_account (kind, tenant_id, user_id, login, created_at, "
            + "updated_at) values ('USER', ?, ?, ?, ?, ?)";
    private static final String SESSION = "insert into idn_session (id, token_hash, account_id, tenant_id, "
            + "created_at, last_seen_at, expires_at, ip, user_agent, device, mfa_verified) "
            + "values (?, ?, ?, ?, ?, ?, ?, '127.0.0.1', 'Lantau bench', 'Bench', false)";

    private void bindAccount(PreparedStatement account, String userId, Timestamp now) throws SQLException {
        account.setLong(1, tenantId);
        account.setString(2, userId);
        account.setString(3, userId + "@t" + tenantId + ".bench.example.hk");
        account.setTimestamp(4, now);
        account.setTimestamp(5, now);
    }

    private long insertAccount(Connection c, String userId) throws SQLException {
        try (PreparedStatement account = c.prepareStatement(ACCOUNT, new String[] {"id"})) {
            bindAccount(account, userId, Timestamp.from(clock.instant()));
            account.executeUpdate();
            try (var keys = account.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void insertSession(Connection c, long accountId, String token) throws SQLException {
        try (PreparedStatement session = c.prepareStatement(SESSION)) {
            bindSession(session, accountId, token);
            session.executeUpdate();
        }
    }

    private void bindSession(PreparedStatement session, long accountId, String token) throws SQLException {
        Instant now = clock.instant();
        session.setString(1, UUID.randomUUID().toString());
        session.setString(2, Tokens.sha256Hex(token));
        session.setLong(3, accountId);
        session.setLong(4, tenantId);
        session.setTimestamp(5, Timestamp.from(now));
        // Last seen a while ago, as a phone's session is in the morning: the first request touches it.
        session.setTimestamp(6, Timestamp.from(now.minus(Duration.ofMinutes(10))));
        session.setTimestamp(7, Timestamp.from(now.plus(Duration.ofDays(7))));
    }

    /** The machine's one-minute load average, printed beside each figure. */
    static String load() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    void close() {
        app.close();
    }

    /** Real time, shifted so that it starts at a chosen moment; {@link #jump} moves it. */
    static final class BenchClock extends Clock {

        private final AtomicReference<Duration> offset;

        BenchClock(Instant start) {
            offset = new AtomicReference<>(Duration.between(Clock.systemUTC().instant(), start));
        }

        void jump(Instant to) {
            offset.set(Duration.between(Clock.systemUTC().instant(), to));
        }

        @Override
        public Instant instant() {
            return Clock.systemUTC().instant().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
