package hk.lantau.directory.web;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.Users;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.MissingScopeException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Protected fields", description = "Revealing a person's protected field in clear, audited")
class ProtectedFieldController {

    private final Users users;

    ProtectedFieldController(Users users) {
        this.users = users;
    }

    @RequiresScope(Scope.USER_READ)
    @PostMapping("/api/v1/users/{userId}/protected-fields/{field}/reveal")
    @Operation(summary = "Reveal one protected field in clear",
            description = "field is mobile, hkid, homeAddress, bankAccount, emergencyContact or medicalNotes. "
                    + "Needs the field's pii.reveal permission (else 403 compliance.reveal_forbidden); every reveal "
                    + "is written to the audit trail. An app needs user.read and the field's own scope, e.g. "
                    + "pii.mobile.read (else 403 openplatform.scope_missing naming it).")
    ResponseEntity<RevealedView> reveal(@PathVariable String userId, @PathVariable String field) {
        Actor actor = CurrentActor.require(Permission.DIRECTORY_READ);
        long tenantId = actor.requireTenant();
        ProtectedField protectedField = Arrays.stream(ProtectedField.values()).filter(f -> f.key().equals(field))
                .findFirst().orElseThrow(() -> LantauException.notFound("directory.field_unknown",
                        "There is no such protected field."));
        // An app's permissions are those of its scopes, and only the field's pii scope grants its reveal.
        if (actor.kind() == ActorKind.APP && !actor.can(protectedField.revealPermission())) {
            throw new MissingScopeException(Scope.granting(protectedField.revealPermission()).orElseThrow());
        }
        String value = users.reveal(tenantId, userId, protectedField);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RevealedView(userId, protectedField.key(), value));
    }

    record RevealedView(String userId, String field, String value) {
    }
}
