package hk.lantau.compat.signin.web;

import hk.lantau.compat.SignIn;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.PeopleOnly;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Lantau's stand-in for DingTalk's {@code login.dingtalk.com/oauth2/auth}: the signed-in person is
 * sent back to one of the app's registered addresses with a one-time code ({@code code} and
 * {@code authCode}, as DingTalk does) and the app's {@code state}. Apps are the organisation's own,
 * so, as for DingTalk's internal apps, there is no consent step. Someone not signed in is taken to
 * the sign-in page first. A bad client or address is shown here and never redirected to.
 */
@Controller
@PeopleOnly
class SignInPageController {

    private final SignIn signIn;

    SignInPageController(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/oauth2/auth")
    ModelAndView authorise(@RequestParam(name = "client_id", required = false) String clientId,
                           @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                           @RequestParam(name = "response_type", required = false) String responseType,
                           @RequestParam(required = false) String state, Model model) {
        Actor person = CurrentActor.get();
        if (!"code".equals(responseType)) {
            return refused("compat.sign_in.error.response_type");
        }
        String code;
        try {
            code = signIn.issue(person.requireTenant(), clientId, redirectUri);
        } catch (LantauException e) {
            return refused(switch (e.code()) {
                case "compat.sign_in_redirect_unregistered" -> "compat.sign_in.error.redirect";
                case "compat.sign_in_client_unknown" -> "compat.sign_in.error.client";
                default -> "compat.sign_in.error.people";
            });
        }
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
        String back = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encoded + "&authCode=" + encoded
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        return new ModelAndView("redirect:" + back);
    }

    private static ModelAndView refused(String reason) {
        ModelAndView page = new ModelAndView("compat/sign-in-refused");
        page.addObject("reason", reason);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
