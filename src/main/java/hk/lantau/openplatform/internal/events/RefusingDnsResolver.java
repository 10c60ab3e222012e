package hk.lantau.openplatform.internal.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves callback hosts for the connection itself and refuses when any address is internal, so
 * the address that was checked is the address connected to (no second look-up an attacker's DNS
 * could answer differently). IP literals pass through here too.
 */
final class RefusingDnsResolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                throw new InternalAddressException();
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** The host resolved to an internal address and the organisation did not allow it. */
    static final class InternalAddressException extends UnknownHostException {

        InternalAddressException() {
            super("the host resolves to an internal address");
        }
    }
}
