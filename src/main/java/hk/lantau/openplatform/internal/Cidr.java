package hk.lantau.openplatform.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One block of an allow-list, IPv4 or IPv6: {@code 203.0.113.0/24}, {@code 2001:db8::/32}, or a single
 * address. Only literal addresses are parsed, so nothing here ever asks DNS.
 */
record Cidr(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The block, or a message saying what is wrong with the text. */
    static Parsed parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Parsed.error("'" + value + "' is not an IPv4 or IPv6 address or CIDR block, "
                    + "e.g. 203.0.113.0/24 or 2001:db8::/32.");
        }
        int bits = bytes.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                return Parsed.error("'" + value + "' has a prefix length outside 0.." + bits + ".");
            }
            prefix = Integer.parseInt(length);
        }
        byte[] network = masked(bytes.get(), prefix);
        Cidr cidr = new Cidr(network, prefix);
        if (!java.util.Arrays.equals(network, bytes.get())) {
            return Parsed.error("'" + value + "' has host bits set; the block is " + cidr.text() + ".");
        }
        return new Parsed(cidr, null);
    }

    /** Whether a client address (as the servlet container reports it) lies in this block. */
    boolean contains(String clientAddress) {
        Optional<byte[]> bytes = literal(clientAddress);
        if (bytes.isEmpty()) {
            return false;
        }
        byte[] address = bytes.get();
        if (address.length == 16 && network.length == 4 && isMappedIpv4(address)) {
            address = java.util.Arrays.copyOfRange(address, 12, 16);
        }
        return address.length == network.length && java.util.Arrays.equals(masked(address, prefix), network);
    }

    /** The canonical text, e.g. {@code 2001:db8::/32} for {@code 2001:0DB8:0:0::/32}. */
    String text() {
        try {
            String address = InetAddress.getByAddress(network).getHostAddress();
            if (network.length == 16) {
                address = compress(new BigInteger(1, network));
            }
            return address + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<byte[]> literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // A literal: getByName parses it without a lookup; the patterns above let no host name through.
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            result[i] = (byte) (result[i] & (0xFF << (8 - keep)));
        }
        return result;
    }

    private static boolean isMappedIpv4(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
    }

    /** RFC 5952 text: lower case, the longest run of zero groups as {@code ::}. */
    private static String compress(BigInteger value) {
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = value.and(BigInteger.valueOf(0xFFFF)).intValue();
            value = value.shiftRight(16);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i > 1) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }

    record Parsed(Cidr cidr, String error) {

        static Parsed error(String message) {
            return new Parsed(null, message);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text();
    }
}
