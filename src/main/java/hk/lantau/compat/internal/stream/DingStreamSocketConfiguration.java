package hk.lantau.compat.internal.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.identity.SelfAuthenticatedPaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * DingTalk's Stream WebSocket at {@code /connect}, on every connector (the TLS one, or the main port
 * behind a proxy that terminates TLS). The ticket in the query is the caller's credential, so the
 * security chain lets the path through and the handshake checks it. DingTalk's clients send no
 * {@code Origin}; any origin is accepted, since a ticket, not a cookie, opens the socket.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class DingStreamSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/connect";

    private final DingStreamSocketHandler handler;
    private final StreamTickets tickets;
    private final ObjectMapper json;

    DingStreamSocketConfiguration(DingStreamSocketHandler handler, StreamTickets tickets, ObjectMapper json) {
        this.handler = handler;
        this.tickets = tickets;
        this.json = json;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).addInterceptors(new StreamConnectHandshake(tickets, json))
                .setAllowedOriginPatterns("*");
    }

    @Bean
    SelfAuthenticatedPaths streamConnectPath() {
        return (HttpServletRequest request) -> PATH.equals(request.getRequestURI());
    }
}
