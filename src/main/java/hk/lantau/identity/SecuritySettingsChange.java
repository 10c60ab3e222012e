package hk.lantau.identity;

import java.util.List;

/** A partial change of the sign-in policy; {@code null} leaves a value as it is. */
public record SecuritySettingsChange(List<String> mfaRequiredRoles, Integer lockoutThreshold, Integer lockoutMinutes,
                                     Integer sessionIdleTimeoutMinutes) {
}
