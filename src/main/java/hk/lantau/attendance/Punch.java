package hk.lantau.attendance;

/**
 * A clock-in: the single location point at this moment (latitude, longitude and the device's
 * accuracy in metres) and optionally the Wi-Fi network the device sees. {@code userId} is only for
 * apps recording for a person; {@code outsideReason} is required outside the group's places when the
 * group accepts such punches.
 */
public record Punch(String userId, Double latitude, Double longitude, Double accuracy, String ssid, String bssid,
                    String outsideReason) {
}
