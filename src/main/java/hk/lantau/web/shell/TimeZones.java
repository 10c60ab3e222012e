package hk.lantau.web.shell;

import java.time.ZoneId;
import java.util.List;

/** The time zones an organisation may choose: IANA region names, Hong Kong first. */
public final class TimeZones {

    public static final String DEFAULT = "Asia/Hong_Kong";

    private static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .filter(id -> Character.isUpperCase(id.charAt(0)))
            .sorted()
            .toList();

    private TimeZones() {
    }

    public static List<String> all() {
        return ALL;
    }
}
