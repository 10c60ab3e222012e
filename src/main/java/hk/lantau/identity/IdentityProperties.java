package hk.lantau.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings of the installation. The lockout, MFA and idle-timeout values are the
 * defaults of organisations that have not set their own (and the operators' policy).
 *
 * @param sessionMaxAge        a session ends this long after sign-in, whatever its use
 * @param sessionIdleTimeout   a session ends after this long unused
 * @param setupLinkTtl         how long a first-password link works
 * @param resetLinkTtl         how long a password-reset link works
 * @param operatorPassword     optional initial operator password for unattended installs (read once, never logged)
 * @param lockoutThreshold     consecutive failed passwords or codes that lock an account
 * @param lockoutDuration      how long a locked account stays locked
 * @param mfaRequiredRoles     role keys whose holders must use TOTP
 * @param mfaStepTtl           how long a session may wait for its TOTP code after the password
 * @param mfaEnrolmentTtl      how long a session may wait for its holder to enrol a required authenticator
 * @param totpIssuer           the issuer name authenticator apps show next to the account
 */
@ConfigurationProperties("lantau.identity")
public record IdentityProperties(@DefaultValue("7d") Duration sessionMaxAge,
                                 @DefaultValue("8h") Duration sessionIdleTimeout,
                                 @DefaultValue("72h") Duration setupLinkTtl,
                                 @DefaultValue("1h") Duration resetLinkTtl,
                                 String operatorPassword,
                                 @DefaultValue("5") int lockoutThreshold,
                                 @DefaultValue("15m") Duration lockoutDuration,
                                 @DefaultValue({"admin", "hr", "dpo"}) List<String> mfaRequiredRoles,
                                 @DefaultValue("5m") Duration mfaStepTtl,
                                 @DefaultValue("30m") Duration mfaEnrolmentTtl,
                                 @DefaultValue("Lantau") String totpIssuer) {

    @Override
    public String toString() {
        return "IdentityProperties[sessionMaxAge=" + sessionMaxAge + ", sessionIdleTimeout=" + sessionIdleTimeout
                + ", lockoutThreshold=" + lockoutThreshold + ", lockoutDuration=" + lockoutDuration + "]";
    }
}
