package hk.lantau.openplatform.internal.events;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** Checks the event types of a subscription against the catalogue and the app's scopes. */
final class EventTypes {

    static final String FIELD = "eventTypes";

    private EventTypes() {
    }

    /** The types as keys, de-duplicated in the order given; 400 naming each unknown type or missing scope. */
    static List<String> check(AppView app, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw LantauException.invalidField(FIELD, "openplatform.event_types_required",
                    "Name at least one event type.");
        }
        Set<String> result = new LinkedHashSet<>();
        List<FieldViolation> unknown = new ArrayList<>();
        List<FieldViolation> unscoped = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = FIELD + "[" + i + "]";
            Optional<PlatformEventType> type = Optional.ofNullable(requested.get(i)).flatMap(PlatformEventType::fromKey);
            if (type.isEmpty()) {
                unknown.add(new FieldViolation(field, "openplatform.event_type_unknown",
                        "There is no such event type; GET /api/v1/webhooks/event-types lists them."));
                continue;
            }
            for (Scope scope : List.of(Scope.EVENT_SUBSCRIBE, type.get().readScope())) {
                if (!app.has(scope)) {
                    unscoped.add(new FieldViolation(field, "openplatform.scope_missing",
                            "The app needs the scope " + scope.key() + " for " + type.get().key() + "."));
                }
            }
            result.add(type.get().key());
        }
        if (!unknown.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "openplatform.event_type_unknown",
                    "Some event types do not exist.", unknown);
        }
        if (!unscoped.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "openplatform.scope_missing",
                    unscoped.get(0).message(), unscoped);
        }
        return List.copyOf(result);
    }
}
