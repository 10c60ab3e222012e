package hk.lantau.identity.internal;

import java.util.Locale;

/** A short, human device label from a user agent, e.g. "Chrome on Windows". */
public final class DeviceLabels {

    private DeviceLabels() {
    }

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return browser(ua) + " on " + system(ua);
    }

    private static String browser(String ua) {
        if (ua.contains("edg/")) {
            return "Edge";
        }
        if (ua.contains("chrome/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("firefox/")) {
            return "Firefox";
        }
        if (ua.contains("safari/")) {
            return "Safari";
        }
        if (ua.contains("dingtalk")) {
            return "DingTalk client";
        }
        if (ua.startsWith("curl/")) {
            return "curl";
        }
        return ua.contains("java") ? "Java client" : "Other client";
    }

    private static String system(String ua) {
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("iphone") || ua.contains("ipad")) {
            return "iOS";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("mac os")) {
            return "macOS";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return "unknown system";
    }
}
