package hk.lantau.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error the caller can act on. {@code code} is stable and documented; {@code detail} is for
 * people and must never contain a protected value.
 */
public class LantauException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldViolation> violations;

    public LantauException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public LantauException(HttpStatus status, String code, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public static LantauException notFound(String code, String detail) {
        return new LantauException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static LantauException conflict(String code, String detail) {
        return new LantauException(HttpStatus.CONFLICT, code, detail);
    }

    public static LantauException forbidden(String code, String detail) {
        return new LantauException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static LantauException invalid(String code, String detail) {
        return new LantauException(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** A 400 naming one field, so clients can show the message next to it. */
    public static LantauException invalidField(String field, String code, String detail) {
        return new LantauException(HttpStatus.BAD_REQUEST, code, detail,
                List.of(new FieldViolation(field, code, detail)));
    }

    /** A 409 naming the field whose value collides with existing data. */
    public static LantauException conflictField(String field, String code, String detail) {
        return new LantauException(HttpStatus.CONFLICT, code, detail,
                List.of(new FieldViolation(field, code, detail)));
    }
}
