package hk.lantau.openplatform.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * App credential settings of the installation.
 *
 * @param secretLifetime     a secret expires this long after it was issued
 * @param secretWarning      secrets that stop working within this period are flagged on the app's page
 * @param tokenCacheTtl      how long a node trusts a resolved access token before reading it again; the bound
 *                           on how long a revoked secret or disabled app keeps working on other nodes
 */
@ConfigurationProperties("lantau.openplatform")
public record CredentialProperties(@DefaultValue("90d") Duration secretLifetime,
                                   @DefaultValue("14d") Duration secretWarning,
                                   @DefaultValue("30s") Duration tokenCacheTtl) {

    public CredentialProperties {
        if (tokenCacheTtl.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("lantau.openplatform.token-cache-ttl may be at most 30 seconds");
        }
    }
}
