package hk.lantau.identity.internal;

import hk.lantau.identity.SessionAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The only calls a session that still owes MFA, or an enrolment, may make. */
final class MfaStepPaths {

    /** Pages of the MFA step (served by the web module) live under this path. */
    static final String PAGES = "/mfa";

    private static final String SIGN_OUT = "DELETE /api/v1/auth/sessions/current";
    private static final Set<String> MFA_STEP = Set.of("POST /api/v1/auth/sessions/mfa", SIGN_OUT);
    private static final Set<String> ENROLMENT = Set.of("GET /api/v1/auth/mfa", "POST /api/v1/auth/mfa/enrolment",
            "POST /api/v1/auth/mfa/enrolment/confirm", SIGN_OUT);

    private MfaStepPaths() {
    }

    static boolean allows(SessionAccess access, HttpServletRequest request) {
        String path = path(request);
        if (!isApi(request)) {
            return path.equals(PAGES) || path.startsWith(PAGES + "/");
        }
        String call = request.getMethod() + " " + path;
        return switch (access) {
            case FULL -> true;
            case MFA_REQUIRED -> MFA_STEP.contains(call);
            case ENROLMENT_ONLY -> ENROLMENT.contains(call);
        };
    }

    /** API calls that a session owing a step must not block: those an anonymous caller may make too. */
    static boolean isGatedApi(HttpServletRequest request) {
        String path = path(request);
        if (!path.startsWith("/api/")) {
            return false;
        }
        boolean signIn = path.equals("/api/v1/auth/sessions") && "POST".equals(request.getMethod());
        return !signIn && !path.startsWith("/api/v1/auth/links/");
    }

    private static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
