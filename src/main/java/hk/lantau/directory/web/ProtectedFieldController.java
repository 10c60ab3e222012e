package hk.lantau.directory.web;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.Users;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
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

    @PostMapping("/api/v1/users/{userId}/protected-fields/{field}/reveal")
    @Operation(summary = "Reveal one protected field in clear",
            description = "field is mobile, hkid, homeAddress, bankAccount, emergencyContact or medicalNotes. "
                    + "Needs the field's pii.reveal permission (else 403 compliance.reveal_forbidden); every reveal "
                    + "is written to the audit trail.")
    ResponseEntity<RevealedView> reveal(@PathVariable String userId, @PathVariable String field) {
        long tenantId = CurrentActor.require(Permission.DIRECTORY_READ).requireTenant();
        ProtectedField protectedField = Arrays.stream(ProtectedField.values()).filter(f -> f.key().equals(field))
                .findFirst().orElseThrow(() -> LantauException.notFound("directory.field_unknown",
                        "There is no such protected field."));
        String value = users.reveal(tenantId, userId, protectedField);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RevealedView(userId, protectedField.key(), value));
    }

    record RevealedView(String userId, String field, String value) {
    }
}
