package hk.lantau.installation;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.NewUser;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates an organisation with its root department, role templates and first admin in one
 * transaction: either all of it exists afterwards or none of it.
 */
@Service
public class OrganisationProvisioning {

    private final Organisations organisations;
    private final Directory directory;
    private final Accounts accounts;

    OrganisationProvisioning(Organisations organisations, Directory directory, Accounts accounts) {
        this.organisations = organisations;
        this.directory = directory;
        this.accounts = accounts;
    }

    @Transactional
    public ProvisionedOrganisation provision(NewOrganisationWithAdmin request) {
        Actor operator = CurrentActor.get();
        Organisation org = organisations.create(request.organisation());
        Actor inOrganisation = new Actor(operator.kind() == ActorKind.OPERATOR ? ActorKind.OPERATOR : ActorKind.SYSTEM,
                org.id(), null, operator.accountId(), operator.name(), Set.of(Permission.values()),
                operator.sessionId(), operator.ip());
        return ActorScope.callAs(inOrganisation, () -> {
            DirectoryUser admin = directory.createUser(org.id(), NewUser.of(request.adminName(), request.adminEmail(),
                    request.adminMobile(), List.of(Directory.ROOT_DEPARTMENT_ID), List.of("admin")));
            long accountId = accounts.createUserAccount(org.id(), admin.userId(), request.adminEmail());
            LoginLink link = accounts.issueLink(accountId, LoginLink.Purpose.SETUP);
            return new ProvisionedOrganisation(org, admin.userId(), link);
        });
    }
}
