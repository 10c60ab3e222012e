package hk.lantau.forms.internal;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes smart forms' audit events inside the caller's transaction. */
@Component
class FormsAudit {

    private final ApplicationEventPublisher events;

    FormsAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    void record(long tenantId, String action, Object targetId, Map<String, Object> changes) {
        String type = action.startsWith("forms.form.") ? "form" : action.startsWith("forms.personal_data") ? "user"
                : "form_round";
        events.publishEvent(new FormsChanged(tenantId, action, type, String.valueOf(targetId), changes));
    }
}
