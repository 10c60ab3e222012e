package hk.lantau.openplatform;

import java.util.Map;

/**
 * Calls Lantau makes to addresses an organisation registered for its apps, with the protections of
 * platform webhooks: https (http only for hosts an admin allowed for the organisation), no user
 * name or fragment, no internal address unless its host was allowed (checked where the address is
 * registered and again when connecting), no redirects, nothing retried, and a hard deadline of
 * the webhook timeout ({@code lantau.openplatform.delivery-timeout}).
 */
public interface OutboundCalls {

    /**
     * The address to store.
     *
     * @throws hk.lantau.shared.LantauException 400 naming {@code field}, with the callback codes of
     *         webhooks ({@code openplatform.callback_invalid}, {@code _insecure}, {@code _internal},
     *         {@code _unresolvable})
     */
    String check(long tenantId, String field, String url);

    /** POSTs a JSON body with the headers; keeps at most {@code keepBytes} of the answer. Never throws. */
    OutboundAnswer postJson(long tenantId, String url, Map<String, String> headers, byte[] body, int keepBytes);
}
