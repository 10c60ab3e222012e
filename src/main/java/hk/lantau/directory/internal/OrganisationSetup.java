package hk.lantau.directory.internal;

import hk.lantau.directory.Directory;
import hk.lantau.tenant.OrganisationCreated;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new organisation its root department and role templates. Synchronous, so it runs in the
 * transaction that creates the organisation: an organisation never exists without them.
 */
@Component
class OrganisationSetup {

    private final DepartmentRepository departments;
    private final RoleRepository roles;
    private final Clock clock;

    OrganisationSetup(DepartmentRepository departments, RoleRepository roles, Clock clock) {
        this.departments = departments;
        this.roles = roles;
        this.clock = clock;
    }

    @EventListener
    void on(OrganisationCreated event) {
        Instant now = clock.instant();
        long tenantId = event.organisationId();
        String name = event.name().length() > 64 ? event.name().substring(0, 64) : event.name();
        departments.insert(tenantId, Directory.ROOT_DEPARTMENT_ID, null, name, 0, false, now);
        RoleTemplates.ALL.forEach(role -> roles.insert(tenantId, role, now));
    }
}
