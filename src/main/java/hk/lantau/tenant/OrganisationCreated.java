package hk.lantau.tenant;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

public record OrganisationCreated(long organisationId, String corpId, String name, String region, String edition)
        implements AuditableEvent {

    @Override
    public Long tenantId() {
        return organisationId;
    }

    @Override
    public String action() {
        return "tenant.organisation.created";
    }

    @Override
    public String targetType() {
        return "organisation";
    }

    @Override
    public String targetId() {
        return corpId;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("name", name, "region", region, "edition", edition);
    }
}
