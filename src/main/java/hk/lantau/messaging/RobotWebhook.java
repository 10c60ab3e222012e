package hk.lantau.messaging;

/**
 * DingTalk's custom robot protocol ({@code POST /robot/send}): checks a call and posts its message
 * into the robot's group. Every outcome is a {@link RobotReply}; nothing is stored when a check fails.
 */
public interface RobotWebhook {

    RobotReply send(RobotCall call);
}
