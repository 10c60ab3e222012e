package hk.lantau.messaging;

import java.util.Map;

/** A robot got a new webhook token or signing secret ({@code credential} says which); the old one stopped working. */
public record RobotCredentialReset(Long tenantId, long robotId, String conversationId, String credential)
        implements RobotAudited {

    @Override
    public String action() {
        return "messaging.robot." + credential + "_reset";
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("conversationId", conversationId);
    }
}
