package hk.lantau.compat.web;

import hk.lantau.shared.LantauException;
import hk.lantau.shared.MissingScopeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of a compat handler in DingTalk's shape: never a problem detail, a Spring error page
 * or a stack trace. Lantau's own errors are translated by {@link LantauErrors}.
 */
@RestControllerAdvice(basePackageClasses = CompatAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CompatAdvice {

    private static final Logger log = LoggerFactory.getLogger(CompatAdvice.class);

    private final CompatErrors errors;

    CompatAdvice(CompatErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(DingTalkException.class)
    ResponseEntity<Map<String, Object>> dingTalk(DingTalkException e, HttpServletRequest request) {
        return errors.entity(request, e);
    }

    @ExceptionHandler(MissingScopeException.class)
    ResponseEntity<Map<String, Object>> scope(MissingScopeException e, HttpServletRequest request) {
        return errors.entity(request, DingTalkException.scopeMissing(e.scope().key()));
    }

    @ExceptionHandler(LantauException.class)
    ResponseEntity<Map<String, Object>> lantau(LantauException e, HttpServletRequest request) {
        return errors.entity(request, LantauErrors.translate(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failed(Exception e, HttpServletRequest request) {
        log.error("DingTalk-compatible call {} failed", request.getRequestURI(), e);
        return errors.entity(request, DingTalkException.busy());
    }
}
