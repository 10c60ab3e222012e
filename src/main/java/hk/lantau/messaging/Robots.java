package hk.lantau.messaging;

import java.util.List;

/**
 * Custom group robots, managed by a group's owner and admins. Every call names the person acting;
 * a group they do not manage (or cannot see, or that belongs to another organisation) is 404
 * {@code messaging.robot_group_not_found}, as is a robot of another group.
 */
public interface Robots {

    /** At most this many robots per group. */
    int MAX_PER_GROUP = 20;

    /** DingTalk allows up to ten custom keywords. */
    int MAX_KEYWORDS = 10;

    List<RobotView> list(long tenantId, String userId, String conversationId);

    RobotView get(long tenantId, String userId, String conversationId, long robotId);

    /**
     * Adds a robot. At least one security setting (signing, keywords, IP ranges) must be set,
     * else 400 {@code messaging.robot_security_required}.
     */
    RobotView create(long tenantId, String userId, String conversationId, NewRobot robot);

    /** Changes what the request sets; the result must still have a security setting. */
    RobotView change(long tenantId, String userId, String conversationId, long robotId, RobotChange change);

    /** A new webhook token: the old URL stops working at once. */
    RobotView resetToken(long tenantId, String userId, String conversationId, long robotId);

    /** A new signing secret (signing must be on): the old one stops working at once. */
    RobotView resetSecret(long tenantId, String userId, String conversationId, long robotId);

    RobotView setEnabled(long tenantId, String userId, String conversationId, long robotId, boolean enabled);

    void delete(long tenantId, String userId, String conversationId, long robotId);
}
