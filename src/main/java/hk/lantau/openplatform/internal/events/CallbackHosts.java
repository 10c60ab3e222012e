package hk.lantau.openplatform.internal.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical form of a callback host, so that a URL's host and an allow-list entry compare
 * equal however they were written: lower case, no trailing dot, IPv6 without brackets in Java's
 * full form, IPv4-mapped IPv6 as IPv4.
 */
final class CallbackHosts {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private CallbackHosts() {
    }

    /** The canonical host, or an {@link IllegalArgumentException} when it is no host name or address. */
    static String canonical(String raw) {
        String host = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.contains(":")) {
            return ipv6(host);
        }
        if (IPV4.matcher(host).matches()) {
            return host;
        }
        if (host.isEmpty() || host.length() > 253) {
            throw new IllegalArgumentException("not a host name");
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a host name");
            }
        }
        if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new IllegalArgumentException("not a dotted-quad address");
        }
        return host;
    }

    /** An IPv6 literal never goes to DNS, so parsing it here is safe; zone ids are refused. */
    private static String ipv6(String host) {
        if (host.contains("%") || !host.matches("[0-9a-f:.]+")) {
            throw new IllegalArgumentException("not an IPv6 address");
        }
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address", e);
        }
    }
}
