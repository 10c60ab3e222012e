package hk.lantau.messaging;

import java.util.List;
import java.util.Map;

/** A group's manager added a robot. The record names its security settings, never its token or secret. */
public record RobotCreated(Long tenantId, long robotId, String conversationId, String name, boolean signing,
                           List<String> keywords, List<String> ipRanges) implements RobotAudited {

    public RobotCreated {
        keywords = List.copyOf(keywords);
        ipRanges = List.copyOf(ipRanges);
    }

    @Override
    public String action() {
        return "messaging.robot.created";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("conversationId", conversationId, "name", name, "signing", signing, "keywords", keywords,
                "ipRanges", ipRanges);
    }
}
