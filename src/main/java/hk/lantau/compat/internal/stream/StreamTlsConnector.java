package hk.lantau.compat.internal.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The optional second Tomcat connector with TLS, for DingTalk's Java Stream client, which speaks
 * only {@code wss://}. It serves the whole application like the main port; operators who terminate
 * TLS in a proxy in front of the main port leave it off. Off unless {@code lantau.compat.stream.tls.port}
 * is set.
 */
@Component
class StreamTlsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final DingStreamProperties.Tls tls;
    private volatile Connector connector;

    StreamTlsConnector(DingStreamProperties properties) {
        this.tls = properties.tls();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!tls.enabled()) {
            return;
        }
        if (tls.keystore() == null || !Files.isReadable(Path.of(tls.keystore()))) {
            throw new IllegalStateException("lantau.compat.stream.tls.keystore must name a readable key store "
                    + "when lantau.compat.stream.tls.port is set");
        }
        SSLHostConfig ssl = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(Path.of(tls.keystore()).toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(tls.password());
        certificate.setCertificateKeystoreType(tls.keystoreType());
        ssl.addCertificate(certificate);
        Connector added = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        added.setPort(tls.port());
        added.setScheme("https");
        added.setSecure(true);
        ((AbstractHttp11Protocol<?>) added.getProtocolHandler()).setSSLEnabled(true);
        added.addSslHostConfig(ssl);
        factory.addAdditionalTomcatConnectors(added);
        connector = added;
    }

    /** The port the TLS connector listens on, once the server runs; empty when it is off. */
    OptionalInt port() {
        Connector running = connector;
        if (running == null || running.getLocalPort() <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(running.getLocalPort());
    }
}
