package hk.lantau.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages in the console's own look, for errors that reach the servlet container (an unknown
 * address, a refused request). Only the status is shown: never a message, exception or trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages implements ErrorViewResolver {

    private final ShellFactory shells;

    ErrorPages(ShellFactory shells) {
        this.shells = shells;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return page(status, expiredForm(request, status) ? "expired" : kind(status), shells.forErrorPage(request));
    }

    /** The one error page; {@code kind} picks its texts ({@code error.<kind>.*}). */
    static ModelAndView page(HttpStatus status, String kind, Shell shell) {
        var page = new ModelAndView("error/page");
        page.addObject("status", status.value());
        page.addObject("kind", kind);
        page.addObject("shell", shell);
        page.setStatus(status);
        return page;
    }

    /**
     * Pages check permissions themselves, so a refusal that reaches the container on a form
     * submission comes from the CSRF check: the form is older than its token.
     */
    private static boolean expiredForm(HttpServletRequest request, HttpStatus status) {
        return status == HttpStatus.FORBIDDEN && "POST".equals(request.getMethod());
    }

    static String kind(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "404";
            case FORBIDDEN -> "403";
            default -> status.is5xxServerError() ? "5xx" : "4xx";
        };
    }
}
