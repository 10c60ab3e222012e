package hk.lantau.messaging.internal.robot;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 addresses and CIDR ranges, as DingTalk's robot IP list takes them ({@code 1.2.3.4} or
 * {@code 10.0.0.0/8}). IPv6 callers never match, as with DingTalk.
 */
final class Ipv4Ranges {

    private static final Pattern SHAPE = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");

    private Ipv4Ranges() {
    }

    /** The range in its normal form ({@code 10.0.0.0/8}, or the bare address for /32), or empty if invalid. */
    static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String value = input.strip();
        if (!SHAPE.matcher(value).matches()) {
            return Optional.empty();
        }
        int slash = value.indexOf('/');
        Optional<Long> address = address(slash < 0 ? value : value.substring(0, slash));
        int bits = slash < 0 ? 32 : Integer.parseInt(value.substring(slash + 1));
        if (address.isEmpty() || bits > 32) {
            return Optional.empty();
        }
        long network = address.get() & mask(bits);
        String text = text(network);
        return Optional.of(bits == 32 ? text : text + "/" + bits);
    }

    static boolean contains(List<String> ranges, String remoteAddress) {
        Optional<Long> address = remoteAddress == null || !SHAPE.matcher(remoteAddress).matches()
                || remoteAddress.contains("/") ? Optional.empty() : address(remoteAddress);
        if (address.isEmpty()) {
            return false;
        }
        for (String range : ranges) {
            int slash = range.indexOf('/');
            int bits = slash < 0 ? 32 : Integer.parseInt(range.substring(slash + 1));
            long network = address(slash < 0 ? range : range.substring(0, slash)).orElse(-1L);
            if ((address.get() & mask(bits)) == network) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Long> address(String dotted) {
        String[] parts = dotted.split("\\.");
        long value = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet > 255 || (part.length() > 1 && part.startsWith("0"))) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    private static long mask(int bits) {
        return bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    }

    private static String text(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
