package hk.lantau.compat;

import java.util.List;

/**
 * A DingTalk callback registration, with DingTalk's rules: {@code token} 3 to 32 letters and
 * digits, {@code aesKey} exactly 43, {@code tags} event types Lantau raises.
 *
 * @param id     the open platform subscription that delivers it, to find its deliveries in the app's
 *               delivery log; 0 before it is saved
 * @param paused whether the open platform paused it after days of failures (or an admin did)
 */
public record CallbackRegistration(long id, List<String> tags, String token, String aesKey, String url, boolean paused) {

    public CallbackRegistration {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String toString() {
        return "CallbackRegistration[tags=" + tags + ", url=" + url + "]";
    }
}
