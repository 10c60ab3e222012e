package hk.lantau.identity;

import java.time.Duration;
import java.util.List;

/**
 * An organisation's sign-in policy.
 *
 * @param mfaRequiredRoles          holders of any of these role keys must use TOTP
 * @param lockoutThreshold          consecutive failed passwords or codes that lock the account (3–20)
 * @param lockoutMinutes            how long the lock lasts (1–1440)
 * @param sessionIdleTimeoutMinutes a session unused this long ends
 */
public record SecuritySettings(List<String> mfaRequiredRoles, int lockoutThreshold, int lockoutMinutes,
                               int sessionIdleTimeoutMinutes) {

    public static final int MIN_THRESHOLD = 3;
    public static final int MAX_THRESHOLD = 20;
    public static final int MIN_LOCKOUT_MINUTES = 1;
    public static final int MAX_LOCKOUT_MINUTES = 1440;
    public static final int MIN_IDLE_MINUTES = 5;
    public static final int MAX_IDLE_MINUTES = 10080;

    public SecuritySettings {
        mfaRequiredRoles = mfaRequiredRoles.stream().distinct().sorted().toList();
    }

    public Duration lockoutDuration() {
        return Duration.ofMinutes(lockoutMinutes);
    }

    public Duration sessionIdleTimeout() {
        return Duration.ofMinutes(sessionIdleTimeoutMinutes);
    }
}
