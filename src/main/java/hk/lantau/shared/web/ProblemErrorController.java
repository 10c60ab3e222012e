package hk.lantau.shared.web;

import hk.lantau.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reached a controller (unknown paths, filter failures) get the same problem
 * body as the rest of the API; browsers still get the error pages.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                           List<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers);
    }

    @Override
    @RequestMapping
    @SuppressWarnings({"rawtypes", "unchecked"})
    public ResponseEntity error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        ProblemDetail problem = Problems.of(status, code(status), detail(status), List.of(), null);
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "request.method_not_allowed";
            case BAD_REQUEST -> "request.malformed";
            case UNAUTHORIZED -> "auth.required";
            case FORBIDDEN -> "auth.forbidden";
            default -> status.is5xxServerError() ? "internal_error" : "request.failed";
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept this method.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. Quote the request id when you report it."
                    : status.getReasonPhrase() + ".";
        };
    }
}
