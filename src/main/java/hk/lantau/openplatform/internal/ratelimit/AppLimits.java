package hk.lantau.openplatform.internal.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hk.lantau.openplatform.AppChanged;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each app's calls per minute, read from the app and kept for a short while: a limit an admin
 * changed applies at once on the node that made the change, and on the others once this cache
 * ({@code lantau.rate-limit.app-limit-cache-ttl}) and the app registry's own have let the old
 * value go, within a minute with the defaults.
 */
@Component
class AppLimits {

    /** What an app that has disappeared since its token was checked is held to. */
    static final int DEFAULT_PER_MINUTE = 600;

    private final Apps apps;
    private final Cache<AppRef, Integer> limits;

    AppLimits(Apps apps, RateLimitProperties properties, Clock clock) {
        this.apps = apps;
        this.limits = Caffeine.newBuilder()
                .expireAfterWrite(properties.appLimitCacheTtl())
                .ticker(new ClockTimeMeter(clock)::currentTimeNanos)
                .maximumSize(100_000)
                // Housekeeping on the calling thread: handing it to a pool costs more than doing it.
                .executor(Runnable::run)
                .build();
    }

    int perMinute(long tenantId, String appKey) {
        return limits.get(new AppRef(tenantId, appKey), ref -> apps.findByKey(ref.tenantId(), ref.appKey())
                .map(AppView::rateLimitPerMinute)
                .orElse(DEFAULT_PER_MINUTE));
    }

    /**
     * Drops the app's limit now and again after the change commits: a call served in between would
     * otherwise cache the old value once more.
     */
    @EventListener
    void onAppChanged(AppChanged event) {
        AppRef ref = new AppRef(event.tenantId(), event.app().appKey());
        limits.invalidate(ref);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    limits.invalidate(ref);
                }
            });
        }
    }

    private record AppRef(long tenantId, String appKey) {
    }
}
