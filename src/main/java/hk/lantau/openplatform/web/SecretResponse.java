package hk.lantau.openplatform.web;

import hk.lantau.openplatform.AppSecret;
import hk.lantau.openplatform.IssuedSecret;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;

/**
 * One secret of an app. {@code value} is present only in the answer that issued it, the one time it
 * can be seen.
 */
record SecretResponse(long id, @Schema(description = "The secret's last four characters") String hint,
                      String createdAt, String expiresAt, String graceUntil, String revokedAt,
                      @Schema(allowableValues = {"active", "grace", "retired", "expired", "revoked"}) String state,
                      @Schema(description = "Still works but stops within 14 days") boolean expiresSoon,
                      @Schema(description = "The secret itself; shown only when it is issued") String value) {

    static SecretResponse of(AppSecret s) {
        return new SecretResponse(s.id(), s.hint(), s.createdAt().toString(), s.expiresAt().toString(),
                text(s.graceUntil()), text(s.revokedAt()), s.state().name().toLowerCase(Locale.ROOT), s.expiresSoon(),
                null);
    }

    static SecretResponse of(IssuedSecret issued) {
        SecretResponse s = of(issued.secret());
        return new SecretResponse(s.id(), s.hint(), s.createdAt(), s.expiresAt(), s.graceUntil(), s.revokedAt(),
                s.state(), s.expiresSoon(), issued.value());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
