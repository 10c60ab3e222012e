package hk.lantau.openplatform.web;

import hk.lantau.openplatform.AppSecrets;
import hk.lantau.openplatform.IssuedSecret;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{id}/secrets")
@PeopleOnly
@Tag(name = "App secrets", description = "Rotating and revoking an app's secrets; needs apps.manage")
class AppSecretController {

    private final AppSecrets secrets;

    AppSecretController(AppSecrets secrets) {
        this.secrets = secrets;
    }

    @GetMapping
    @Operation(summary = "The app's secrets, newest first, by their last four characters",
            description = "state is active, grace (replaced, still works until graceUntil), retired (grace over), "
                    + "expired or revoked.")
    List<SecretResponse> list(@PathVariable long id) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return secrets.list(tenantId, id).stream().map(SecretResponse::of).toList();
    }

    @PostMapping
    @Operation(summary = "Issue a new secret, shown this once; the current ones get a grace period",
            description = "graceDays (0 to 30, default 7) is how long the app's current secrets keep working, so "
                    + "its deployments can move to the new one; 0 stops them now, with the tokens granted with "
                    + "them. A secret expires 90 days after it is issued.")
    @ApiResponse(responseCode = "201", description = "The new secret with its value")
    @ApiResponse(responseCode = "400", description = "openplatform.grace_invalid")
    ResponseEntity<SecretResponse> issue(@PathVariable long id, @RequestBody(required = false) IssueRequest request) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        IssuedSecret issued = secrets.issue(tenantId, id, request == null ? null : request.graceDays());
        return ResponseEntity.created(URI.create("/api/v1/apps/" + id + "/secrets/" + issued.secret().id()))
                .cacheControl(CacheControl.noStore()).body(SecretResponse.of(issued));
    }

    @PostMapping("/{secretId}/revoke")
    @Operation(summary = "Revoke a secret; the tokens granted with it stop working",
            description = "At once on this node, within 30 seconds on others. Revoking a revoked secret changes "
                    + "nothing.")
    SecretResponse revoke(@PathVariable long id, @PathVariable long secretId) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return SecretResponse.of(secrets.revoke(tenantId, id, secretId));
    }

    record IssueRequest(Integer graceDays) {
    }
}
