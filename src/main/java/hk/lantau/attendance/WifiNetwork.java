package hk.lantau.attendance;

/** A Wi-Fi network of a place: its SSID and, optionally, one access point's BSSID (MAC address). */
public record WifiNetwork(String ssid, String bssid) {
}
