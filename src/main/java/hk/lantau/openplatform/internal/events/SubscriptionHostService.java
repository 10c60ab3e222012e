package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.SubscriptionHost;
import hk.lantau.openplatform.SubscriptionHostAllowed;
import hk.lantau.openplatform.SubscriptionHostRemoved;
import hk.lantau.openplatform.SubscriptionHosts;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SubscriptionHostService implements SubscriptionHosts {

    static final int MAX_HOSTS = 50;
    private static final String FIELD = "host";

    private final HostRepository hosts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionHostService(HostRepository hosts, ApplicationEventPublisher events, Clock clock) {
        this.hosts = hosts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SubscriptionHost> list(long tenantId) {
        return hosts.list(tenantId);
    }

    @Override
    @Transactional
    public SubscriptionHost allow(long tenantId, String host) {
        String canonical = canonical(host);
        if (hosts.allowed(tenantId, canonical)) {
            throw LantauException.conflictField(FIELD, "openplatform.host_exists", "This host is already allowed.");
        }
        if (hosts.list(tenantId).size() >= MAX_HOSTS) {
            throw LantauException.conflict("openplatform.host_limit",
                    "An organisation allows at most " + MAX_HOSTS + " internal hosts.");
        }
        hosts.insert(tenantId, canonical, CurrentActor.find().map(Actor::reference).orElse("system"), clock.instant());
        events.publishEvent(new SubscriptionHostAllowed(tenantId, canonical));
        return hosts.list(tenantId).stream().filter(h -> h.host().equals(canonical)).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public void remove(long tenantId, String host) {
        String canonical;
        try {
            canonical = CallbackHosts.canonical(host);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        if (!hosts.delete(tenantId, canonical)) {
            throw notFound();
        }
        events.publishEvent(new SubscriptionHostRemoved(tenantId, canonical));
    }

    private static String canonical(String host) {
        try {
            return CallbackHosts.canonical(host);
        } catch (IllegalArgumentException e) {
            throw LantauException.invalidField(FIELD, "openplatform.host_invalid",
                    "Give a host name such as hooks.example.internal or an IP address, without scheme or port.");
        }
    }

    private static LantauException notFound() {
        return LantauException.notFound("openplatform.host_not_found", "This host is not on the allow-list.");
    }
}
