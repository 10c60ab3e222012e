package hk.lantau.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param sessionMaxAge        a session ends this long after sign-in, whatever its use
 * @param sessionIdleTimeout   a session ends after this long unused
 * @param setupLinkTtl         how long a first-password link works
 * @param resetLinkTtl         how long a password-reset link works
 * @param operatorPassword     optional initial operator password for unattended installs (read once, never logged)
 */
@ConfigurationProperties("lantau.identity")
public record IdentityProperties(@DefaultValue("7d") Duration sessionMaxAge,
                                 @DefaultValue("8h") Duration sessionIdleTimeout,
                                 @DefaultValue("72h") Duration setupLinkTtl,
                                 @DefaultValue("1h") Duration resetLinkTtl,
                                 String operatorPassword) {

    @Override
    public String toString() {
        return "IdentityProperties[sessionMaxAge=" + sessionMaxAge + ", sessionIdleTimeout=" + sessionIdleTimeout + "]";
    }
}
