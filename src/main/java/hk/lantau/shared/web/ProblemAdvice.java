package hk.lantau.shared.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.MissingScopeException;
import hk.lantau.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every error on the native API into an RFC 9457 problem with a stable {@code code}. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(LantauException.class)
    ResponseEntity<ProblemDetail> lantau(LantauException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e, request);
        if (e instanceof MissingScopeException missing) {
            problem.setProperty("scope", missing.scope().key());
        }
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), "request.invalid_field", f.getDefaultMessage()))
                .toList();
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.invalid",
                "Some fields are not valid: " + violations.stream().map(FieldViolation::field)
                        .distinct().collect(Collectors.joining(", ")) + ".", violations, request));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldViolation(
                        r.getMethodParameter().getParameterName(), "request.invalid_field", err.getDefaultMessage())))
                .toList();
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.invalid", "Some parameters are not valid.",
                violations, request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString(), "request.invalid_field", v.getMessage()))
                .toList();
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.invalid", "Some fields are not valid.",
                violations, request));
    }

    @ExceptionHandler(RequestSizeLimitFilter.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestSizeLimitFilter.BodyTooLargeException e,
                                               HttpServletRequest request) {
        return respond(RequestSizeLimitFilter.problem(e.limit(), request));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (RequestSizeLimitFilter.isTooLarge(e)) {
            return bodyTooLarge(RequestSizeLimitFilter.tooLarge(e), request);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.unknown_field",
                    "The field '" + field + "' is not part of this request.",
                    List.of(new FieldViolation(field, "request.unknown_field", "Unknown field.")), request));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.wrong_type",
                    "The field '" + field + "' has the wrong type.",
                    List.of(new FieldViolation(field, "request.wrong_type", "Wrong type.")), request));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.malformed",
                "The request body is missing or is not valid JSON.", List.of(), request));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
                                                   HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.missing_parameter",
                "The parameter '" + e.getParameterName() + "' is required.",
                List.of(new FieldViolation(e.getParameterName(), "request.missing_parameter", "Required.")), request));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.missing_parameter",
                "The part '" + e.getRequestPartName() + "' is required.",
                List.of(new FieldViolation(e.getRequestPartName(), "request.missing_parameter", "Required.")),
                request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "request.wrong_type",
                "The parameter '" + e.getName() + "' has the wrong type.",
                List.of(new FieldViolation(e.getName(), "request.wrong_type", "Wrong type.")), request));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "request.method_not_allowed",
                "This address does not accept " + e.getMethod() + ".", List.of(), request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.unsupported_media_type",
                "Send this request as application/json.", List.of(), request));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request.too_large",
                "The upload is larger than allowed.", List.of(), request));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not_found", "Nothing is at this address.", List.of(),
                request));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "auth.forbidden",
                "You are not allowed to do this.", List.of(), request));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Data integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getClass()
                .getSimpleName());
        return respond(Problems.of(HttpStatus.CONFLICT, "conflict",
                "The change conflicts with existing data.", List.of(), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side. Quote the request id when you report it.", List.of(), request));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
