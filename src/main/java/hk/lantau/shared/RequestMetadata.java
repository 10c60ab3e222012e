package hk.lantau.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address, user agent and request id of the request being served, if any. */
public final class RequestMetadata {

    public static final String REQUEST_ID = "requestId";

    private RequestMetadata() {
    }

    public static Optional<String> clientIp() {
        return request().map(HttpServletRequest::getRemoteAddr);
    }

    public static Optional<String> userAgent() {
        return request().map(r -> r.getHeader("User-Agent"));
    }

    public static Optional<String> requestId() {
        return Optional.ofNullable(MDC.get(REQUEST_ID));
    }

    private static Optional<HttpServletRequest> request() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.of(attributes.getRequest());
        }
        return Optional.empty();
    }
}
