package hk.lantau.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests whose callers prove themselves inside the request, with a credential of their own kind
 * (such as a token in the query or in a header that is not {@code Authorization}), and whose
 * endpoints check it themselves. The security chain lets them through without a session and does
 * not ask them for a CSRF token, since a cookie there proves nothing. Modules that serve such
 * endpoints implement it; nothing of identity depends on who they are.
 */
public interface SelfAuthenticatedPaths {

    boolean matches(HttpServletRequest request);
}
