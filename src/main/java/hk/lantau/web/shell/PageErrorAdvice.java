package hk.lantau.web.shell;

import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors a page did not handle itself become an error page with the navigation still there.
 * Details stay in the log; the page shows the request id to quote.
 */
@ControllerAdvice(basePackages = "hk.lantau.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    private final ShellFactory shells;

    PageErrorAdvice(ShellFactory shells) {
        this.shells = shells;
    }

    @ExceptionHandler(LantauException.class)
    ModelAndView refused(LantauException e, HttpServletRequest request) {
        HttpStatus status = e.status() == HttpStatus.UNAUTHORIZED ? HttpStatus.FORBIDDEN : e.status();
        ModelAndView page = page(status, request);
        missingPermission(e).ifPresent(p -> page.addObject("missingPermission", p.key()));
        return page;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badRequest(Exception e, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            return page(HttpStatus.valueOf(known.getStatusCode().value()), request);
        }
        log.error("Unexpected error on page {} {}", request.getMethod(), request.getRequestURI(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** The permission a refusal names ({@code CurrentActor.require}), so the page can say what is missing. */
    private static java.util.Optional<Permission> missingPermission(LantauException e) {
        if (!"auth.permission_missing".equals(e.code()) || e.getMessage() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Arrays.stream(Permission.values())
                .filter(p -> e.getMessage().endsWith(" " + p.key() + ".")).findFirst();
    }

    private ModelAndView page(HttpStatus status, HttpServletRequest request) {
        var page = ErrorPages.page(status, ErrorPages.kind(status), shells.current(request));
        RequestMetadata.requestId().ifPresent(id -> page.addObject("requestId", id));
        return page;
    }
}
