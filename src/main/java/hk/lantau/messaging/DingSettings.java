package hk.lantau.messaging;

/**
 * Which escalation channels the organisation allows, and which the installation has configured
 * (a mail server, an SMS gateway). In-app delivery is always on.
 */
public record DingSettings(boolean emailAllowed, boolean smsAllowed, boolean emailConfigured,
                           boolean smsConfigured) {
}
