package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The {@link Directory} interface other modules call, against the real database. */
class DirectoryServiceTest extends DirectoryApiTestSupport {

    @Autowired
    private Directory directory;

    private <T> T asSystem(Org org, java.util.function.Supplier<T> work) {
        return ActorScope.callAs(Actor.system(tenantId(org), "test"), work);
    }

    @Test
    void createsAndFindsPeopleForOtherModules() {
        Org org = newOrganisation();
        long tenant = tenantId(org);
        long sales = createDepartment(org.admin(), "Sales", null);

        DirectoryUser created = asSystem(org, () -> directory.createUser(tenant, NewUser.of("Amy Wong",
                "Amy.Wong@Example.HK", "9123 4567", List.of(sales), List.of("hr", "manager"))));

        assertThat(created.userId()).matches("[0-9a-f]{16}");
        assertThat(created.departmentIds()).containsExactly(sales);
        assertThat(created.active()).isTrue();
        assertThat(directory.findUser(tenant, created.userId())).contains(created);
        assertThat(directory.findUserByEmail(tenant, "amy.wong@example.hk")).contains(created);
        assertThat(directory.roleKeys(tenant, created.userId())).containsExactlyInAnyOrder("hr", "manager");
        assertThat(directory.effectivePermissions(tenant, created.userId()))
                .contains(Permission.DIRECTORY_WRITE, Permission.REVEAL_MEDICAL)
                .doesNotContain(Permission.ROLES_MANAGE);

        Org other = newOrganisation();
        assertThat(directory.findUser(tenantId(other), created.userId())).isEmpty();
        assertThat(directory.findUserByEmail(tenantId(other), "amy.wong@example.hk")).isEmpty();
        assertThat(directory.effectivePermissions(tenantId(other), created.userId())).isEmpty();
    }

    @Test
    void activeRoleHoldersAreListedInUseridOrder(@Autowired Audiences audiences) {
        Org org = newOrganisation();
        long tenant = tenantId(org);
        DirectoryUser first = asSystem(org, () -> directory.createUser(tenant, NewUser.of("Holder One",
                newEmail("holder.one"), null, List.of(), List.of("manager"))));
        DirectoryUser second = asSystem(org, () -> directory.createUser(tenant, NewUser.of("Holder Two",
                newEmail("holder.two"), null, List.of(), List.of("manager"))));
        asSystem(org, () -> directory.createUser(tenant, NewUser.of("No Role", newEmail("no.role"), null, List.of(),
                List.of())));
        assertThat(org.admin().post("/api/v1/users/" + second.userId() + "/suspend", null).status()).isEqualTo(200);

        assertThat(audiences.activeRoleHolders(tenant, "manager")).containsExactly(first.userId());
        assertThat(audiences.activeRoleHolders(tenant, "no-such-role")).isEmpty();
        assertThat(audiences.activeRoleHolders(tenantId(newOrganisation()), "manager")).isEmpty();
    }

    @Test
    void peopleWhoLeftAreNotFoundByEmailAndValidationErrorsNameTheField() {
        Org org = newOrganisation();
        long tenant = tenantId(org);
        String email = newEmail("leaver");
        DirectoryUser leaver = asSystem(org, () -> directory.createUser(tenant,
                NewUser.of("Leaver", email, null, List.of(), List.of())));
        assertThat(org.admin().post("/api/v1/users/" + leaver.userId() + "/leave", null).status()).isEqualTo(200);

        assertThat(directory.findUserByEmail(tenant, email)).isEmpty();
        assertThat(directory.findUser(tenant, leaver.userId())).get()
                .extracting(DirectoryUser::status).isEqualTo(UserStatus.LEFT);

        assertThatThrownBy(() -> asSystem(org, () -> directory.createUser(tenant,
                NewUser.of(" ", "bad", null, List.of(), List.of()))))
                .isInstanceOfSatisfying(LantauException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("name", "email"));
    }
}
