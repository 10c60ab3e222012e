package hk.lantau.messaging;

/**
 * DingTalk's custom robot protocol ({@code POST /robot/send}): checks a call and posts its message
 * into the robot's group. Every outcome is a {@link RobotReply}; nothing is stored when a check fails.
 */
public interface RobotWebhook {

    RobotReply send(RobotCall call);

    /**
     * The same body for a robot another module keeps: content type, message, mentions (members only)
     * and rate, in that order. The caller has already decided the robot may post there; the call's
     * token, signature and address are not looked at.
     */
    RobotReply sendAs(RobotSender sender, RobotCall call);
}
