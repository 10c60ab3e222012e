package hk.lantau.installation.web;

import hk.lantau.installation.NewOrganisationWithAdmin;
import hk.lantau.installation.OrganisationProvisioning;
import hk.lantau.installation.ProvisionedOrganisation;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.DataRegion;
import hk.lantau.tenant.Edition;
import hk.lantau.tenant.NewOrganisation;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of the installation's organisations. */
@RestController
@PeopleOnly
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations (operator)", description = "Create and list organisations; operator only")
class OrganisationAdminController {

    private final Organisations organisations;
    private final OrganisationProvisioning provisioning;

    OrganisationAdminController(Organisations organisations, OrganisationProvisioning provisioning) {
        this.organisations = organisations;
        this.provisioning = provisioning;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organisation with its first admin; returns the admin's one-time setup link")
    Created create(@Valid @RequestBody CreateRequest body) {
        requireOperator();
        ProvisionedOrganisation result = provisioning.provision(new NewOrganisationWithAdmin(
                new NewOrganisation(body.name(), parse(DataRegion.class, "region", body.region()),
                        zone(body.timeZone()), parse(Edition.class, "edition", body.edition())),
                body.admin().name(), body.admin().email(), body.admin().mobile()));
        return new Created(View.of(result.organisation()), result.adminUserId(), result.adminSetupLink().url(),
                result.adminSetupLink().expiresAt().toString());
    }

    @GetMapping
    @Operation(summary = "List every organisation of the installation")
    List<View> list() {
        requireOperator();
        return organisations.list().stream().map(View::of).toList();
    }

    @GetMapping("/{corpId}")
    @Operation(summary = "Read one organisation")
    View get(@PathVariable String corpId) {
        requireOperator();
        return organisations.findByCorpId(corpId).map(View::of).orElseThrow(
                () -> LantauException.notFound("tenant.not_found", "No such organisation."));
    }

    /** Only the operator may know which organisations exist; everyone else gets a 404. */
    private static void requireOperator() {
        if (!CurrentActor.get().can(Permission.ORGANISATIONS_MANAGE)) {
            throw LantauException.notFound("not_found", "Nothing is at this address.");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LantauException.invalidField(field, "tenant." + field + "_invalid",
                    "Unknown " + field + " '" + value + "'.");
        }
    }

    private static ZoneId zone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw LantauException.invalidField("timeZone", "tenant.time_zone_invalid",
                    "Unknown time zone; use an IANA name such as Asia/Hong_Kong.");
        }
    }

    record AdminRequest(@NotBlank @Size(max = 80) String name, @NotBlank @Email @Size(max = 254) String email,
                        @Size(max = 32) String mobile) {
    }

    record CreateRequest(@NotBlank @Size(max = 200) String name, @Size(max = 10) String region,
                         @Size(max = 64) String timeZone, @Size(max = 20) String edition,
                         @NotNull @Valid AdminRequest admin) {
    }

    record View(String corpId, String name, String region, String timeZone, String edition, String status,
                String createdAt) {

        static View of(Organisation org) {
            return new View(org.corpId(), org.name(), org.region().name(), org.timeZone().getId(),
                    org.edition().name(), org.status().name(), org.createdAt().toString());
        }
    }

    record Created(View organisation, String adminUserId, String adminSetupLink, String adminSetupLinkExpiresAt) {
    }
}
