package hk.lantau.messaging;

import java.util.List;

/**
 * A robot to add to a group. {@code signing} gives it a secret that every call must sign with;
 * {@code keywords} (up to ten) must appear in each message; {@code ipRanges} are IPv4 addresses or
 * CIDR ranges calls must come from. Null lists mean none.
 */
public record NewRobot(String name, boolean signing, List<String> keywords, List<String> ipRanges) {

    public NewRobot {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
    }
}
