package hk.lantau.openplatform.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import hk.lantau.openplatform.AppAdministration;
import hk.lantau.openplatform.AppChange;
import hk.lantau.openplatform.AppSecrets;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.NewApp;
import hk.lantau.openplatform.RegisteredApp;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps")
@PeopleOnly
@Tag(name = "Apps", description = "Internal apps: integrations that call this API with their own key, secret and "
        + "scopes. Every call needs apps.manage and a person's session; apps cannot manage apps.")
class AppController {

    private final AppAdministration administration;
    private final AppSecrets secrets;
    private final Apps apps;

    AppController(AppAdministration administration, AppSecrets secrets, Apps apps) {
        this.administration = administration;
        this.secrets = secrets;
        this.apps = apps;
    }

    @PostMapping
    @Operation(summary = "Register an app; the answer holds its secret, shown this once",
            description = "scopes are keys from the scope catalogue (user.read, department.write, pii.mobile.read, "
                    + "…); an unknown one answers 400 openplatform.scope_unknown naming the field and listing the "
                    + "valid ones. ipAllowList takes IPv4 and IPv6 addresses or CIDR blocks; empty allows any "
                    + "address. Without ownerUserId the caller owns the app; it must be an active person. "
                    + "rateLimitPerMinute is 1 to 100000, 600 by default. The secret expires after 90 days.")
    @ApiResponse(responseCode = "201", description = "The app, its appKey and its first secret")
    @ApiResponse(responseCode = "400", description = "openplatform.scope_unknown, openplatform.cidr_invalid, "
            + "openplatform.owner_invalid, openplatform.rate_limit_invalid, or openplatform.app_invalid for several")
    @ApiResponse(responseCode = "409", description = "openplatform.name_taken")
    ResponseEntity<Registered> register(@Valid @RequestBody AppRequest request) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        RegisteredApp registered = administration.register(tenantId, request.toNewApp());
        AppView app = registered.app();
        return ResponseEntity.created(URI.create("/api/v1/apps/" + app.id())).cacheControl(CacheControl.noStore())
                .body(new Registered(view(tenantId, app), SecretResponse.of(registered.secret())));
    }

    @GetMapping
    @Operation(summary = "The organisation's apps, by name")
    List<AppResponse> list() {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return apps.list(tenantId).stream().map(app -> view(tenantId, app)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One app with the state of its secrets",
            description = "secrets.expiresSoon is true when a working secret stops within 14 days: rotate it.")
    AppResponse get(@PathVariable long id) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return view(tenantId, administration.get(tenantId, id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an app's name, description, purpose, scopes, owner, allow-list or rate limit",
            description = "Absent fields stay as they are; ipAllowList [] allows any address. Narrower scopes and "
                    + "allow-lists apply to the app's existing tokens at once on this node and within 30 seconds "
                    + "on others.")
    AppResponse change(@PathVariable long id, @Valid @RequestBody AppRequest request) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return view(tenantId, administration.change(tenantId, id, request.toChange()));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an app: no new tokens, and its tokens stop working",
            description = "At once on this node, within 30 seconds on others. Its secrets are kept for enabling.")
    AppResponse disable(@PathVariable long id) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return view(tenantId, administration.disable(tenantId, id));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled app again")
    AppResponse enable(@PathVariable long id) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return view(tenantId, administration.enable(tenantId, id));
    }

    private AppResponse view(long tenantId, AppView app) {
        return AppResponse.of(app, secrets.list(tenantId, app.id()));
    }

    @Schema(example = """
            {"name": "Payroll sync", "purpose": "Reads people and bank accounts for the monthly payroll run",
             "scopes": ["user.read", "pii.bank_account.read"], "ipAllowList": ["203.0.113.0/24"]}""")
    record AppRequest(@Size(max = 100) String name, @Size(max = 1000) String description,
                           @Size(max = 1000) String purpose, @Size(max = 50) List<String> scopes,
                           @Size(max = 64) String ownerUserId, @Size(max = 50) List<String> ipAllowList,
                           Integer rateLimitPerMinute) {

        NewApp toNewApp() {
            return new NewApp(name, description, purpose, scopes, ownerUserId, ipAllowList, rateLimitPerMinute);
        }

        AppChange toChange() {
            return new AppChange(name, description, purpose, scopes, ownerUserId, ipAllowList, rateLimitPerMinute);
        }
    }

    /** The app as {@link AppResponse} and, once, its first secret. */
    record Registered(@JsonUnwrapped AppResponse app, SecretResponse secret) {
    }
}
