package hk.lantau.openplatform;

import java.util.List;

/**
 * The organisation's allow-list of internal callback hosts. Callbacks that resolve to loopback,
 * private, link-local, unique-local, multicast or unspecified addresses are refused unless their
 * host is listed here; listed hosts may also be called over http.
 */
public interface SubscriptionHosts {

    List<SubscriptionHost> list(long tenantId);

    SubscriptionHost allow(long tenantId, String host);

    void remove(long tenantId, String host);
}
