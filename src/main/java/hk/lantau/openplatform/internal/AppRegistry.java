package hk.lantau.openplatform.internal;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks apps up for other modules. {@link #findByKey} is on every API call's path, so it is served
 * from the credential cache: at most {@code token-cache-ttl} old, and fresh on the node that changed it.
 */
@Service
class AppRegistry implements Apps {

    private final AppRepository apps;
    private final CredentialCache cache;

    AppRegistry(AppRepository apps, CredentialCache cache) {
        this.apps = apps;
        this.cache = cache;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AppView> find(long tenantId, long appId) {
        return apps.find(tenantId, appId);
    }

    @Override
    public Optional<AppView> findByKey(long tenantId, String appKey) {
        return cache.app(appKey).map(CredentialCache.AppSnapshot::app).filter(app -> app.tenantId() == tenantId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AppView> list(long tenantId) {
        return apps.list(tenantId);
    }
}
