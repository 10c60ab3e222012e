package hk.lantau.messaging;

import java.util.List;

/** Changes to a robot's settings; a null field stays as it is, an empty list clears it. */
public record RobotChange(String name, Boolean signing, List<String> keywords, List<String> ipRanges) {

    public RobotChange {
        keywords = keywords == null ? null : List.copyOf(keywords);
        ipRanges = ipRanges == null ? null : List.copyOf(ipRanges);
    }
}
