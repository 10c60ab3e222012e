package hk.lantau.openplatform.internal.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Addresses a callback must not reach unless its host was allowed: loopback, private, shared
 * (carrier-grade NAT), link-local, unique-local, site-local, multicast, broadcast and unspecified,
 * in IPv4 and IPv6. IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address they carry;
 * the deprecated IPv4-compatible ones are refused with the rest of ::/96.
 */
final class InternalAddresses {

    private InternalAddresses() {
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isInternalV6(bytes);
        }
        return true;
    }

    private static boolean isInternalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                   // 0.0.0.0/8, "this network" and unspecified
                || first == 10                              // 10.0.0.0/8
                || first == 127                             // loopback
                || (first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10, shared address space
                || (first == 169 && second == 254)          // link-local
                || (first == 172 && (second & 0xf0) == 16)  // 172.16.0.0/12
                || (first == 192 && second == 168)          // 192.168.0.0/16
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                || first >= 224;                            // multicast, reserved and broadcast
    }

    private static boolean isInternalV6(byte[] b) {
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (mapped || nat64) {
            return isInternalV4(Arrays.copyOfRange(b, 12, 16));
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return allZero(b, 0, 12)                            // ::/96: unspecified, loopback, IPv4-compatible
                || (first & 0xfe) == 0xfc                   // fc00::/7 unique-local
                || (first == 0xfe && (second & 0xc0) == 0x80) // fe80::/10 link-local
                || (first == 0xfe && (second & 0xc0) == 0xc0) // fec0::/10 site-local (deprecated)
                || first == 0xff;                           // multicast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
