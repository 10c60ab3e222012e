package hk.lantau.openplatform.internal.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.ApiTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Access log records are written in batches, kept for the retention period, and then deleted. */
class AccessLogRetentionApiTest extends ApiTestSupport {

    @Autowired
    private AccessLogWriter writer;

    @Autowired
    private AccessLogPurge purge;

    @Autowired
    private AccessLogRepository repository;

    @Autowired
    private AccessLogProperties properties;

    @Test
    void recordsOlderThanTheRetentionPeriodAreDeleted() {
        long tenantId = tenantOf(newOrganisation());
        String appKey = appKey();
        Instant now = clock.instant();
        assertThat(properties.accessLogRetention()).isEqualTo(Duration.ofDays(90));
        writer.record(call(tenantId, appKey, now.minus(Duration.ofDays(91)), 200));
        writer.record(call(tenantId, appKey, now.minus(Duration.ofDays(90)).minusSeconds(1), 201));
        writer.record(call(tenantId, appKey, now.minus(Duration.ofDays(89)), 404));
        writer.record(call(tenantId, appKey, now, 500));
        writer.flush();
        assertThat(statuses(appKey)).containsExactlyInAnyOrder(200, 201, 404, 500);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        assertThat(statuses(appKey)).containsExactlyInAnyOrder(404, 500);
        clock.advance(Duration.ofDays(89).plusSeconds(1));
        purge.purge();
        assertThat(statuses(appKey)).containsExactly(500);
    }

    @Test
    void aFullQueueDropsNewRecordsAndCountsThemRatherThanWait() {
        long tenantId = tenantOf(newOrganisation());
        String appKey = appKey();
        var meters = new SimpleMeterRegistry();
        var small = new AccessLogWriter(repository, new AccessLogProperties(Duration.ofDays(90), 2), meters);

        for (int status = 200; status < 205; status++) {
            small.record(call(tenantId, appKey, clock.instant(), status));
        }
        assertThat(meters.get("lantau.openplatform.access_log.dropped").counter().count()).isEqualTo(3);
        assertThat(meters.get("lantau.openplatform.access_log.queued").gauge().value()).isEqualTo(2);
        small.flush();

        assertThat(statuses(appKey)).containsExactlyInAnyOrder(200, 201);
        assertThat(meters.get("lantau.openplatform.access_log.queued").gauge().value()).isZero();
    }

    @Test
    void writesLargeBacklogsInSeveralBatches() {
        long tenantId = tenantOf(newOrganisation());
        String appKey = appKey();
        for (int i = 0; i < AccessLogWriter.BATCH * 2 + 1; i++) {
            writer.record(call(tenantId, appKey, clock.instant(), 200));
        }
        writer.flush();
        assertThat(statuses(appKey)).hasSize(AccessLogWriter.BATCH * 2 + 1);
    }

    private CallRecord call(long tenantId, String appKey, Instant at, int status) {
        return new CallRecord(tenantId, appKey, at, "GET", "/api/v1/users/{userId}", status, 3, "127.0.0.1",
                "req-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private java.util.List<Integer> statuses(String appKey) {
        return jdbc.sql("select status from opf_api_access_log where app_key = :appKey").param("appKey", appKey)
                .query(Integer.class).list();
    }

    private long tenantOf(Org org) {
        return jdbc.sql("select id from tenant where corp_id = :corpId").param("corpId", org.corpId())
                .query(Long.class).single();
    }

    /** A key of the shape apps have, unique to the test. */
    private static String appKey() {
        return "ding" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
