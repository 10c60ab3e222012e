package hk.lantau.openplatform.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes expired access tokens, on one node at a time; an expired token is refused anyway. */
@Component
class ExpiredTokenPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredTokenPurge.class);

    private final TokenRepository tokens;
    private final Clock clock;

    ExpiredTokenPurge(TokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lantau.openplatform.token-purge-every:PT15M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "openplatform.purge-expired-tokens", lockAtMostFor = "PT10M")
    @Transactional
    public void purge() {
        int deleted = tokens.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} expired app access tokens", deleted);
        }
    }
}
