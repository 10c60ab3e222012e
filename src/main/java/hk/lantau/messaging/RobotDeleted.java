package hk.lantau.messaging;

import java.util.Map;

/** A group's manager deleted a robot; its webhook stopped working. */
public record RobotDeleted(Long tenantId, long robotId, String conversationId, String name) implements RobotAudited {

    @Override
    public String action() {
        return "messaging.robot.deleted";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("conversationId", conversationId, "name", name);
    }
}
