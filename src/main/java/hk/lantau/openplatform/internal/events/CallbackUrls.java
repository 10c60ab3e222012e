package hk.lantau.openplatform.internal.events;

import hk.lantau.shared.LantauException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Checks a callback URL where it is registered: https (http only for an allowed host), no user
 * name or password, and a host that does not resolve to an internal address unless the
 * organisation allowed it. The sender checks the addresses again when it connects, since DNS
 * may answer differently by then.
 */
@Component
class CallbackUrls {

    static final String FIELD = "callbackUrl";
    static final int MAX_LENGTH = 2000;

    private final HostRepository hosts;

    CallbackUrls(HostRepository hosts) {
        this.hosts = hosts;
    }

    /** The URL to store, or a 400 naming {@code callbackUrl}. */
    String check(long tenantId, String raw) {
        URI uri = parse(raw);
        String host = canonicalHost(uri);
        boolean allowed = hosts.allowed(tenantId, host);
        if (uri.getScheme().equals("http") && !allowed) {
            throw invalid("openplatform.callback_insecure",
                    "A callback URL uses https; http only works for hosts an admin allowed for the organisation.");
        }
        if (!allowed) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw invalid("openplatform.callback_unresolvable", "The callback's host name does not resolve.");
            }
            for (InetAddress address : addresses) {
                if (InternalAddresses.isInternal(address)) {
                    throw invalid("openplatform.callback_internal", "The callback's host resolves to an internal "
                            + "address; an admin must first allow this host for the organisation.");
                }
            }
        }
        return uri.toString();
    }

    /** The URL's host in the form the allow-list holds. */
    static String canonicalHost(URI uri) {
        return CallbackHosts.canonical(uri.getHost());
    }

    /** The URL without its query, safe for audit records and logs (a query may carry a token). */
    static String withoutQuery(String url) {
        try {
            URI uri = new URI(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "(invalid URL)";
        }
    }

    static URI parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw invalid("openplatform.callback_invalid", "A callback URL is required.");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("openplatform.callback_invalid", "A callback URL has at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("openplatform.callback_invalid", "This is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("openplatform.callback_invalid", "A callback URL starts with https://.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("openplatform.callback_invalid",
                    "A callback URL has a host, and no user name, password or #fragment.");
        }
        try {
            CallbackHosts.canonical(uri.getHost());
            return new URI(scheme + text.substring(uri.getScheme().length()));
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw invalid("openplatform.callback_invalid", "This is not a valid URL.");
        }
    }

    private static LantauException invalid(String code, String message) {
        return LantauException.invalidField(FIELD, code, message);
    }
}
