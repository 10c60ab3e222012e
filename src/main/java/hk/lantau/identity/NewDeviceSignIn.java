package hk.lantau.identity;

import hk.lantau.shared.AuditableEvent;
import java.util.Map;

/** A correct password from a device or an IP address this account had not signed in from before. */
public record NewDeviceSignIn(Long tenantId, String login, String sessionId, String device, String ip,
                              boolean newDevice, boolean newIp) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.signin.new_device";
    }

    @Override
    public String targetType() {
        return "account";
    }

    @Override
    public String targetId() {
        return login;
    }

    @Override
    public Map<String, Object> changes() {
        return Map.of("session", sessionId, "device", device, "ip", ip == null ? "unknown" : ip,
                "newDevice", newDevice, "newIp", newIp);
    }
}
