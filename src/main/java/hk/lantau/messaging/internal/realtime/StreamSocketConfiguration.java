package hk.lantau.messaging.internal.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The stream at {@code /api/v1/stream}. Browsers may open it from this site's own pages only (the
 * default same-origin check): a cookie alone must not let another site read someone's events.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamSocketConfiguration implements WebSocketConfigurer, ServletContextAware {

    static final String PATH = "/api/v1/stream";
    private static final int BINARY_BUFFER_BYTES = 256;

    private final StreamSocketHandler handler;
    private final StreamProperties properties;
    private final ObjectMapper json;

    StreamSocketConfiguration(StreamSocketHandler handler, StreamProperties properties, ObjectMapper json) {
        this.handler = handler;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .addInterceptors(new StreamHandshake(json));
    }

    /**
     * Frames larger than the limit close the socket (1009) before they are read into memory. The
     * container allocates both buffers for every connection; the stream has no binary frames, so
     * that one stays small. Without a WebSocket container (a test's mock servlet context) there
     * is nothing to configure.
     */
    @Override
    public void setServletContext(ServletContext servletContext) {
        if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
            container.setDefaultMaxTextMessageBufferSize(properties.maxFrameBytes());
            container.setDefaultMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        }
    }
}
