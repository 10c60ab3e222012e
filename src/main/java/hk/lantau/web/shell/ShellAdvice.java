package hk.lantau.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the page frame into the model of every page. */
@ControllerAdvice(basePackages = "hk.lantau.web")
class ShellAdvice {

    private final ShellFactory shells;

    ShellAdvice(ShellFactory shells) {
        this.shells = shells;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        return shells.current(request);
    }
}
