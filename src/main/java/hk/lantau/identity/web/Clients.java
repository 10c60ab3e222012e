package hk.lantau.identity.web;

import hk.lantau.identity.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;

/** Where a request comes from, as sessions record it. */
final class Clients {

    private Clients() {
    }

    static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
