package hk.lantau.messaging;

/**
 * One call of the robot webhook as it arrived: the query parameters (decoded once), the declared
 * content type, the raw body and the caller's address. {@code bodyTooLarge} says the body was cut
 * off at the reading limit.
 */
public record RobotCall(String accessToken, String timestamp, String sign, String contentType, byte[] body,
                        boolean bodyTooLarge, String remoteAddress) {
}
