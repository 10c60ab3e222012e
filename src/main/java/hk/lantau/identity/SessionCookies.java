package hk.lantau.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseCookie;

/** The browser's session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS. */
public final class SessionCookies {

    public static final String NAME = "LANTAU_SESSION";

    private SessionCookies() {
    }

    public static ResponseCookie issue(IssuedSession session, HttpServletRequest request, Instant now) {
        return ResponseCookie.from(NAME, session.token()).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path("/").maxAge(Duration.between(now, session.expiresAt())).build();
    }

    public static ResponseCookie clear(HttpServletRequest request) {
        return ResponseCookie.from(NAME, "").httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/")
                .maxAge(0).build();
    }

    public static String read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (var cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
