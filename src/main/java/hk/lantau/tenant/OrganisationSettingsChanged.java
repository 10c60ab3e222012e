package hk.lantau.tenant;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record OrganisationSettingsChanged(Long tenantId, String corpId, Map<String, Object> changes)
        implements AuditableEvent {

    @Override
    public String action() {
        return "tenant.settings.changed";
    }

    @Override
    public String targetType() {
        return "organisation";
    }

    @Override
    public String targetId() {
        return corpId;
    }
}
