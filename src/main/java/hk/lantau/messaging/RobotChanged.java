package hk.lantau.messaging;

import java.util.Map;

/** A robot's name, security settings or enabled state changed; {@code changes} holds each from and to. */
public record RobotChanged(Long tenantId, long robotId, String conversationId, Map<String, Object> changes)
        implements RobotAudited {

    public RobotChanged {
        changes = Map.copyOf(changes);
    }

    @Override
    public String action() {
        return "messaging.robot.changed";
    }
}
