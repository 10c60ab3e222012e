package hk.lantau.compat.signin.web;

import hk.lantau.compat.SignIn;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.PeopleOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The addresses an app receives DingTalk-style sign-in codes at; for people holding {@code apps.manage}. */
@RestController
@PeopleOnly
@Tag(name = "DingTalk sign-in", description = "Where apps receive the one-time codes of DingTalk's OAuth2 sign-in")
class RedirectUriController {

    private final SignIn signIn;

    RedirectUriController(SignIn signIn) {
        this.signIn = signIn;
    }

    record RedirectUris(List<String> redirectUris) {
    }

    @Operation(summary = "The app's sign-in redirect addresses (DingTalk's OAuth2 redirect_uri)")
    @GetMapping("/api/v1/apps/{appId}/redirect-uris")
    RedirectUris list(@PathVariable long appId) {
        return new RedirectUris(signIn.redirects(CurrentActor.get().requireTenant(), appId));
    }

    @Operation(summary = "Replace the app's sign-in redirect addresses (at most 10, absolute http or https)")
    @PutMapping("/api/v1/apps/{appId}/redirect-uris")
    RedirectUris replace(@PathVariable long appId, @RequestBody RedirectUris body) {
        return new RedirectUris(signIn.replaceRedirects(CurrentActor.get().requireTenant(), appId,
                body.redirectUris()));
    }
}
