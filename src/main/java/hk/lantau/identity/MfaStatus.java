package hk.lantau.identity;

import java.time.Instant;

/**
 * Whether an account has a TOTP authenticator, and whether its roles require one.
 *
 * @param pending an enrolment was started and not yet confirmed
 */
public record MfaStatus(boolean enrolled, boolean required, boolean pending, Instant enrolledAt) {
}
