package hk.lantau.compat.signin.web;

import hk.lantau.shared.LantauException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Refusals of the sign-in page (an app's token instead of a person, say) as a page, not an error trace. */
@ControllerAdvice(assignableTypes = SignInPageController.class)
class SignInPageAdvice {

    @ExceptionHandler(LantauException.class)
    ModelAndView refused(LantauException e) {
        ModelAndView page = new ModelAndView("compat/sign-in-refused");
        page.addObject("reason", "compat.sign_in.error.people");
        page.setStatus(e.status());
        return page;
    }
}
