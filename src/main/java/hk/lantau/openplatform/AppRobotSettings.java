package hk.lantau.openplatform;

/**
 * Where an app's robot receives the messages people send it (DingTalk's "message receiving
 * address", HTTP mode; without one the robot is in Stream mode) and the secret those calls are
 * signed with. Kept by the module that serves
 * DingTalk's robots; the console edits them through this interface. All calls need
 * {@code apps.manage}; another organisation's app answers 404.
 */
public interface AppRobotSettings {

    RobotSettings get(long tenantId, long appId);

    /**
     * Sets the address (checked like a webhook's callback URL, errors naming {@code messageUrl}), or
     * clears it when blank, which puts the robot in Stream mode. The first address gets a signing
     * secret; audited.
     */
    RobotSettings setMessageUrl(long tenantId, long appId, String messageUrl);

    /** A new signing secret; the old one stops at once. Audited without the secret. */
    RobotSettings resetSecret(long tenantId, long appId);

    /** {@code signingSecret} is null until an address was set. */
    record RobotSettings(long appId, String messageUrl, String signingSecret) {

        @Override
        public String toString() {
            return "RobotSettings[appId=" + appId + ", messageUrl=" + messageUrl + "]";
        }
    }
}
