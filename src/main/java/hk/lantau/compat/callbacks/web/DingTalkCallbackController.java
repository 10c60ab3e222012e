package hk.lantau.compat.callbacks.web;

import hk.lantau.compat.CallbackRegistration;
import hk.lantau.compat.DingTalkCallbacks;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's DingTalk HTTP callback as admins see and set it, for people holding {@code apps.manage}.
 * The token and AES key are written here but never shown: only the app reads them back, through
 * DingTalk's {@code get_call_back}.
 */
@RestController
@PeopleOnly
@Tag(name = "DingTalk callbacks", description = "Where an app receives DingTalk's encrypted event callbacks")
class DingTalkCallbackController {

    private final DingTalkCallbacks callbacks;

    DingTalkCallbackController(DingTalkCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** What an admin sees: no token or key. */
    record CallbackView(long subscriptionId, String url, List<String> tags, boolean paused) {
    }

    /** What an admin sets: the URL must answer DingTalk's check_url with an encrypted success first. */
    record CallbackInput(String url, List<String> tags, String token, String aesKey) {
    }

    @Operation(summary = "The app's DingTalk callback: URL, event types, and whether deliveries are paused "
            + "(its deliveries are in the app's delivery log under subscriptionId)")
    @GetMapping("/api/v1/apps/{appId}/dingtalk-callback")
    CallbackView get(@PathVariable long appId) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return view(callbacks.find(tenantId, appId).orElseThrow(() -> LantauException.notFound(
                "compat.callback_not_found", "This app has no DingTalk callback.")));
    }

    @Operation(summary = "Set the app's DingTalk callback; the URL must answer DingTalk's check_url handshake, "
            + "encrypted with the token and AES key, with an encrypted success (else compat.callback_unanswered)")
    @PutMapping("/api/v1/apps/{appId}/dingtalk-callback")
    CallbackView put(@PathVariable long appId, @RequestBody CallbackInput input) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        return view(callbacks.save(tenantId, appId, new CallbackRegistration(0, input.tags(), input.token(),
                input.aesKey(), input.url(), false)));
    }

    @Operation(summary = "Remove the app's DingTalk callback; events it still owes are cancelled")
    @DeleteMapping("/api/v1/apps/{appId}/dingtalk-callback")
    ResponseEntity<Void> delete(@PathVariable long appId) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        callbacks.delete(tenantId, appId);
        return ResponseEntity.noContent().build();
    }

    private static CallbackView view(CallbackRegistration registration) {
        return new CallbackView(registration.id(), registration.url(), registration.tags(), registration.paused());
    }
}
