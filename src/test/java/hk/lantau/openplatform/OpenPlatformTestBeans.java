package hk.lantau.openplatform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Beans only the open platform's tests add: an endpoint that forgot to declare a scope, and a
 * listener that keeps the {@link AppChanged} events another module would receive. The test classes
 * that import this share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class OpenPlatformTestBeans {

    @Bean
    AppChangedRecorder appChangedRecorder() {
        return new AppChangedRecorder();
    }

    /** Registered as a member class of this configuration. */
    @RestController
    static class UndeclaredController {

        @GetMapping("/api/v1/test/undeclared")
        Map<String, String> undeclared() {
            return Map.of("reached", "yes");
        }
    }

    static class AppChangedRecorder {

        private final List<AppChanged> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AppChanged event) {
            events.add(event);
        }

        List<AppChanged> of(String appKey) {
            return events.stream().filter(e -> e.app().appKey().equals(appKey)).toList();
        }
    }
}
