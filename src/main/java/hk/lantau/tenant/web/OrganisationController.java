package hk.lantau.tenant.web;

import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.OrganisationSettings;
import hk.lantau.tenant.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own organisation: its profile and settings. */
@RestController
@PeopleOnly
@RequestMapping("/api/v1/org")
@Tag(name = "Organisation", description = "The caller's organisation and its settings")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "Read the caller's organisation")
    OrganisationView get() {
        return OrganisationView.of(organisations.get(CurrentActor.get().requireTenant()));
    }

    @PatchMapping
    @Operation(summary = "Change the organisation's settings (needs org.settings)")
    OrganisationView change(@Valid @RequestBody SettingsRequest request) {
        long tenantId = CurrentActor.require(Permission.ORG_SETTINGS).requireTenant();
        return OrganisationView.of(organisations.changeSettings(tenantId,
                new OrganisationSettings(request.name(), zone(request.timeZone()), request.selfJoinEnabled())));
    }

    static ZoneId zone(String id) {
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

    record SettingsRequest(@Size(min = 1, max = 200) String name, @Size(max = 64) String timeZone,
                           Boolean selfJoinEnabled) {
    }

    record OrganisationView(String corpId, String name, String region, String timeZone, String edition,
                            String status, boolean selfJoinEnabled, String createdAt) {

        static OrganisationView of(Organisation org) {
            return new OrganisationView(org.corpId(), org.name(), org.region().name(), org.timeZone().getId(),
                    org.edition().name(), org.status().name(), org.selfJoinEnabled(), org.createdAt().toString());
        }
    }
}
