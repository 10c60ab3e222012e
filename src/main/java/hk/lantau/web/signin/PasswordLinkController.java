package hk.lantau.web.signin;

import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Choosing a password through a one-time link: the first password of a new account
 * ({@code /setup/...}) or a reset ({@code /reset/...}).
 */
@Controller
class PasswordLinkController {

    /** The rules {@link Accounts#validatePassword} applies, shown before anyone types. */
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    static final int MIN_DISTINCT = 5;

    private final Accounts accounts;
    private final PageMessages messages;

    PasswordLinkController(Accounts accounts, PageMessages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping({"/setup/{token}", "/reset/{token}"})
    String form(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        noReferrer(response);
        model.addAttribute("action", request.getRequestURI());
        Optional<LoginLink.Purpose> purpose = accounts.checkLink(token);
        if (purpose.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "signin/link-invalid";
        }
        return form(model, purpose.get(), FormErrors.NONE);
    }

    @PostMapping({"/setup/{token}", "/reset/{token}"})
    String choose(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        noReferrer(response);
        model.addAttribute("action", request.getRequestURI());
        Optional<LoginLink.Purpose> purpose = accounts.checkLink(token);
        if (purpose.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "signin/link-invalid";
        }
        if (!password.equals(confirmation)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, purpose.get(), FormErrors.field("confirmation", messages.text("password.mismatch")));
        }
        try {
            accounts.setPasswordWithLink(token, password);
            return "redirect:/signin?done=password-set";
        } catch (LantauException e) {
            if ("identity.link_invalid".equals(e.code())) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return "signin/link-invalid";
            }
            response.setStatus(e.status().value());
            return form(model, purpose.get(), FormErrors.of(e, messages, "password"));
        }
    }

    private static String form(Model model, LoginLink.Purpose purpose, FormErrors errors) {
        model.addAttribute("reset", purpose == LoginLink.Purpose.RESET);
        model.addAttribute("minLength", MIN_LENGTH);
        model.addAttribute("maxLength", MAX_LENGTH);
        model.addAttribute("minDistinct", MIN_DISTINCT);
        model.addAttribute("errors", errors);
        return "signin/password";
    }

    /** The token is in the address: never pass it on to another site. */
    private static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
