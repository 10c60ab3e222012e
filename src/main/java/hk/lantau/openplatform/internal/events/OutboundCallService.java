package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.OutboundAnswer;
import hk.lantau.openplatform.OutboundCalls;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.net.URI;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Other modules' calls to registered addresses, through the webhooks' URL checks and guarded clients. */
@Service
class OutboundCallService implements OutboundCalls {

    private final CallbackUrls urls;
    private final HostRepository hosts;
    private final WebhookSender sender;

    OutboundCallService(CallbackUrls urls, HostRepository hosts, WebhookSender sender) {
        this.urls = urls;
        this.hosts = hosts;
        this.sender = sender;
    }

    @Override
    public String check(long tenantId, String field, String url) {
        try {
            return urls.check(tenantId, url);
        } catch (LantauException e) {
            throw new LantauException(e.status(), e.code(), e.getMessage(), e.violations().stream()
                    .map(v -> new FieldViolation(field, v.code(), v.message())).toList());
        }
    }

    @Override
    public OutboundAnswer postJson(long tenantId, String url, Map<String, String> headers, byte[] body,
                                   int keepBytes) {
        URI uri;
        try {
            uri = CallbackUrls.parse(url);
        } catch (LantauException e) {
            return new OutboundAnswer(null, null, "refused: not a valid address");
        }
        boolean allowed = hosts.allowed(tenantId, CallbackUrls.canonicalHost(uri));
        if (!allowed && !"https".equals(uri.getScheme())) {
            return new OutboundAnswer(null, null, "refused: http is only for hosts allowed for the organisation");
        }
        return sender.post(uri, headers, body, allowed, keepBytes);
    }
}
