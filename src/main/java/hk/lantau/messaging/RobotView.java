package hk.lantau.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A group robot as its group's managers see it: the webhook URL with its token, and the signing
 * secret when signing is on ({@code null} otherwise), as DingTalk shows them in the robot's settings.
 */
public record RobotView(long id, String conversationId, String name, String webhookUrl, boolean signing,
                        String secret, List<String> keywords, List<String> ipRanges, boolean enabled,
                        String createdBy, Instant createdAt, Instant updatedAt) {

    public RobotView {
        keywords = List.copyOf(keywords);
        ipRanges = List.copyOf(ipRanges);
    }
}
