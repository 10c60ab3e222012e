package hk.lantau.messaging.internal.robot;

import hk.lantau.messaging.Robots;
import hk.lantau.shared.LantauException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validates and normalises a robot's name and security settings. */
final class RobotSettingsCheck {

    static final int MAX_NAME = 60;
    static final int MAX_KEYWORD = 50;
    static final int MAX_IP_RANGES = 20;

    private RobotSettingsCheck() {
    }

    static String name(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.length() > MAX_NAME || value.chars().anyMatch(Character::isISOControl)) {
            throw LantauException.invalidField("name", "messaging.robot_name_invalid",
                    "Give the robot a name of 1 to " + MAX_NAME + " characters.");
        }
        return value;
    }

    static List<String> keywords(List<String> keywords) {
        Set<String> values = new LinkedHashSet<>();
        for (String keyword : keywords) {
            String value = keyword == null ? "" : keyword.strip();
            if (value.isEmpty() || value.length() > MAX_KEYWORD || value.chars().anyMatch(Character::isISOControl)) {
                throw LantauException.invalidField("keywords", "messaging.robot_keywords_invalid",
                        "Each keyword must have 1 to " + MAX_KEYWORD + " characters and no line breaks.");
            }
            values.add(value);
        }
        if (values.size() > Robots.MAX_KEYWORDS) {
            throw LantauException.invalidField("keywords", "messaging.robot_keywords_invalid",
                    "A robot has at most " + Robots.MAX_KEYWORDS + " keywords.");
        }
        return new ArrayList<>(values);
    }

    static List<String> ipRanges(List<String> ranges) {
        Set<String> values = new LinkedHashSet<>();
        for (String range : ranges) {
            values.add(Ipv4Ranges.normalise(range).orElseThrow(() -> LantauException.invalidField("ipRanges",
                    "messaging.robot_ip_invalid",
                    "Each entry must be an IPv4 address such as 203.0.113.7 or a range such as 203.0.113.0/24.")));
        }
        if (values.size() > MAX_IP_RANGES) {
            throw LantauException.invalidField("ipRanges", "messaging.robot_ip_invalid",
                    "A robot has at most " + MAX_IP_RANGES + " addresses or ranges.");
        }
        return new ArrayList<>(values);
    }

    static void secured(boolean signing, List<String> keywords, List<String> ipRanges) {
        if (!signing && keywords.isEmpty() && ipRanges.isEmpty()) {
            throw LantauException.invalid("messaging.robot_security_required",
                    "Turn on signing, or set keywords or an IP list: a robot needs at least one of them.");
        }
    }
}
