package hk.lantau.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details in the one shape every Lantau API error has. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:lantau:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, List<FieldViolation> violations,
                                   HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(status.getReasonPhrase());
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        problem.setProperty("code", code);
        RequestMetadata.requestId().ifPresent(id -> problem.setProperty("requestId", id));
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    public static ProblemDetail of(LantauException e, HttpServletRequest request) {
        return of(e.status(), e.code(), e.getMessage(), e.violations(), request);
    }
}
