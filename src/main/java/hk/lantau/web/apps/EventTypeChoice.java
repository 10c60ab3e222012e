package hk.lantau.web.apps;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.shared.Scope;
import java.util.Arrays;
import java.util.List;

/** An event type on the subscription form, and whether the app's scopes allow it. */
record EventTypeChoice(PlatformEventType type, boolean allowed, List<String> missingScopes) {

    static List<EventTypeChoice> all(AppView app) {
        return Arrays.stream(PlatformEventType.values()).map(type -> {
            List<String> missing = List.of(Scope.EVENT_SUBSCRIBE, type.readScope()).stream()
                    .filter(scope -> !app.has(scope)).map(Scope::key).toList();
            return new EventTypeChoice(type, missing.isEmpty(), missing);
        }).toList();
    }

    public String key() {
        return type.key();
    }
}
