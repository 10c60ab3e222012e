package hk.lantau.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTrailTest extends ComplianceSpringTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditRecords records;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    AuditVerification verification;

    @Test
    void recordsAPublishedEventInThePublishersTransaction() {
        long tenant = newTenant();
        Actor admin = new Actor(ActorKind.USER, tenant, "mchan", 11L, "May Chan", Set.of(Permission.AUDIT_READ),
                "s1", "203.0.113.9");

        ActorScope.runAs(admin, () -> transactions.executeWithoutResult(status -> {
            events.publishEvent(TestEvent.of(tenant, "test.thing.created", "t-1"));
            assertThat(entries(tenant)).extracting(AuditEntry::action).contains("test.thing.created");
        }));

        List<AuditEntry> chain = entries(tenant);
        AuditEntry entry = chain.get(chain.size() - 1);
        assertThat(entry.seq()).isEqualTo(2);
        assertThat(entry.chain()).isEqualTo(tenant);
        assertThat(entry.actorKind()).isEqualTo(ActorKind.USER);
        assertThat(entry.actorReference()).isEqualTo("user:mchan");
        assertThat(entry.actorName()).isEqualTo("May Chan");
        assertThat(entry.ip()).isEqualTo("203.0.113.9");
        assertThat(entry.targetType()).isEqualTo("thing");
        assertThat(entry.targetId()).isEqualTo("t-1");
        assertThat(entry.changes()).isEqualTo("{\"name\":\"t-1\"}");
        assertThat(entry.occurredAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(entry.hash()).hasSize(64);
    }

    @Test
    void rollsBackTheAuditRecordWithTheChange() {
        long tenant = newTenant();
        long before = entries(tenant).size();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(TestEvent.of(tenant, "test.thing.created", "t-2"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(entries(tenant)).hasSize((int) before);
        transactions.executeWithoutResult(status -> trail.record(TestEvent.of(tenant, "test.thing.created", "t-3")));
        List<AuditEntry> after = entries(tenant);
        assertThat(after.get(after.size() - 1).seq()).isEqualTo(before + 1);
    }

    @Test
    void chainsEachRecordToThePreviousOne() {
        long tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            trail.record(TestEvent.of(tenant, "test.thing.changed", "t-" + i));
        }

        List<AuditEntry> chain = entries(tenant);
        assertThat(chain).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(chain.get(0).prevHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
        }
    }

    @Test
    void recordsTheOrganisationsOwnCreation() {
        long tenant = newTenant();

        AuditEntry first = entries(tenant).get(0);
        assertThat(first.action()).isEqualTo("tenant.organisation.created");
        assertThat(first.actorReference()).isEqualTo("system:lantau");
        assertThat(first.seq()).isEqualTo(1);
    }

    @Test
    void recordsInstallationWideActionsInChainZero() {
        long before = headSeq(0);

        trail.record(TestEvent.of(null, "test.installation.changed", "x"));

        assertThat(headSeq(0)).isEqualTo(before + 1);
    }

    @Test
    void writesNullsAndNestedChangesAsSortedJson() {
        long tenant = newTenant();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", null);
        changes.put("status", Map.of("from", "ACTIVE", "to", "LEFT"));
        changes.put("at", Instant.parse("2026-01-01T00:00:00Z"));

        trail.record(new TestEvent(tenant, "test.thing.changed", "thing", "t", changes));

        assertThat(entries(tenant).get(1).changes()).isEqualTo(
                "{\"at\":\"2026-01-01T00:00:00Z\",\"status\":{\"from\":\"ACTIVE\",\"to\":\"LEFT\"},\"title\":null}");
    }

    @Test
    void serialisesConcurrentAppendsToANewChainWithoutGapsOrForks() throws Exception {
        long chain = 700_001;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        trail.record(TestEvent.of(chain, "test.thing.changed", thread + "-" + i));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }

        List<AuditEntry> all = entries(chain);
        assertThat(all).extracting(AuditEntry::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(verification.verify(chain)).isEqualTo(ChainVerification.intact(chain, 100));
    }

    private long headSeq(long chain) {
        return jdbc.sql("select last_seq from cmp_audit_head where chain = :chain").param("chain", chain)
                .query(Long.class).single();
    }

    private List<AuditEntry> entries(long tenant) {
        return TestTenants.entries(records, tenant);
    }

    private long newTenant() {
        return TestTenants.create(organisations);
    }
}
