package hk.lantau.openplatform.internal;

import hk.lantau.openplatform.Apps;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Once a day, on one node, tells the owners of apps whose secret in use expires within 14 days,
 * and again within 1 day: once per secret and threshold (a secret first seen within a day gets
 * only the last notice). A secret replaced by a newer one is meant to stop and is not mentioned.
 */
@Component
class SecretExpiryNotices {

    /** Days before expiry, largest first. */
    static final List<Integer> THRESHOLDS = List.of(14, 1);
    private static final Logger log = LoggerFactory.getLogger(SecretExpiryNotices.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SecretNoticeRepository secrets;
    private final Apps apps;
    private final Organisations organisations;
    private final OwnerNotices owners;
    private final TransactionOperations tx;
    private final Clock clock;

    SecretExpiryNotices(SecretNoticeRepository secrets, Apps apps, Organisations organisations, OwnerNotices owners,
                        TransactionOperations tx, Clock clock) {
        this.secrets = secrets;
        this.apps = apps;
        this.organisations = organisations;
        this.owners = owners;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.openplatform.secret-notice-cron:0 0 9 * * *}", zone = "Asia/Hong_Kong")
    @SchedulerLock(name = "openplatform.secret-expiry-notices", lockAtMostFor = "PT1H")
    void noticeDaily() {
        int sent = notifyExpiring();
        if (sent > 0) {
            log.info("Told app owners about {} expiring secrets", sent);
        }
    }

    /** Sends the notices due now, each secret in its own transaction; returns how many it sent. */
    int notifyExpiring() {
        Instant now = clock.instant();
        int sent = 0;
        for (var secret : secrets.expiring(now, now.plus(Duration.ofDays(THRESHOLDS.get(0))))) {
            if (Boolean.TRUE.equals(tx.execute(status -> notify(secret, now)))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean notify(SecretNoticeRepository.ExpiringSecret secret, Instant now) {
        boolean due = false;
        int days = 0;
        for (int threshold : THRESHOLDS) {
            if (!secret.expiresAt().isAfter(now.plus(Duration.ofDays(threshold)))) {
                due = secrets.remember(secret, threshold, now);
                days = threshold;
            }
        }
        if (!due) {
            return false;
        }
        int daysBefore = days;
        apps.find(secret.tenantId(), secret.appId()).ifPresent(app -> {
            ZoneId zone = organisations.find(secret.tenantId()).map(Organisation::timeZone)
                    .orElse(ZoneId.of("Asia/Hong_Kong"));
            String when = WHEN.format(secret.expiresAt().atZone(zone)) + " (" + zone.getId() + ")";
            owners.tell(app, daysBefore == 1 ? "secret_expiring_tomorrow" : "secret_expiring", app.name(),
                    secret.hint(), when);
        });
        return true;
    }
}
