package hk.lantau.web.signin;

import hk.lantau.identity.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.http.HttpHeaders;

/** Where a sign-in comes from, as identity records it on the session. */
final class Clients {

    static final ZoneId INSTALLATION_ZONE = ZoneId.of("Asia/Hong_Kong");

    private Clients() {
    }

    static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
