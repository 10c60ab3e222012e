package hk.lantau.support;

import hk.lantau.LantauApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second application instance in the test JVM, as another node behind a load balancer: its own
 * port, the first node's database, data directory, operator password and clock.
 */
public final class SecondNode implements AutoCloseable {

    private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "lantau.data-dir", "lantau.identity.operator-password");

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it; {@code arguments} are further command-line properties, which win over application.yml. */
    public static SecondNode start(Environment first, MutableClock clock, String... arguments) {
        List<String> all = new ArrayList<>();
        SHARED.forEach(property -> all.add(copied(first, property)));
        all.add("--server.port=0");
        // The first node owns the events it published; this one must not replay them.
        all.add("--spring.modulith.events.republish-outstanding-events-on-restart=false");
        all.addAll(List.of(arguments));
        return new SecondNode(new SpringApplicationBuilder(LantauApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testClock",
                        MutableClock.class, () -> clock, bean -> bean.setPrimary(true)))
                .run(all.toArray(String[]::new)));
    }

    /** The first node's value of a property, as an argument for the second. */
    public static String copied(Environment first, String property) {
        return "--" + property + "=" + first.getProperty(property, "");
    }

    public String baseUrl() {
        return "http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
