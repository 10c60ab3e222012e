package hk.lantau.messaging;

import java.util.function.BooleanSupplier;

/**
 * A robot that messaging does not keep (an app's robot answering in a conversation) posting with
 * the custom robot's protocol. {@code admit} runs in the transaction of the post and says whether
 * the robot's rate allows one more message, counting it; a post the chat refuses rolls the count
 * back with it.
 */
public record RobotSender(long tenantId, String conversationId, MessageAuthor author, BooleanSupplier admit) {
}
