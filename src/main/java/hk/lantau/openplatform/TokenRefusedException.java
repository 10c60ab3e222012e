package hk.lantau.openplatform;

import hk.lantau.shared.LantauException;
import org.springframework.http.HttpStatus;

/**
 * A refused token request. Besides Lantau's stable {@code code} it carries the RFC 6749 §5.2 error
 * ({@code invalid_client}, {@code invalid_request}, {@code unsupported_grant_type}, …) that OAuth
 * clients understand.
 */
public class TokenRefusedException extends LantauException {

    private final String error;

    public TokenRefusedException(HttpStatus status, String error, String code, String detail) {
        super(status, code, detail);
        this.error = error;
    }

    /** The OAuth error code. */
    public String error() {
        return error;
    }

    public static TokenRefusedException invalidClient(String code, String detail) {
        return new TokenRefusedException(HttpStatus.UNAUTHORIZED, "invalid_client", code, detail);
    }

    public static TokenRefusedException invalidRequest(String detail) {
        return new TokenRefusedException(HttpStatus.BAD_REQUEST, "invalid_request", "openplatform.invalid_request",
                detail);
    }

    public static TokenRefusedException unauthorized(String code, String detail) {
        return new TokenRefusedException(HttpStatus.FORBIDDEN, "unauthorized_client", code, detail);
    }
}
