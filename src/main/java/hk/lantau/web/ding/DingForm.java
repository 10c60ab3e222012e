package hk.lantau.web.ding;

import hk.lantau.messaging.NewDing;
import hk.lantau.shared.LantauException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The DING form. {@code sendAt} is typed in the organisation's zone (blank sends now); the
 * escalation selects hold the step a channel joins at, or "never", or blank for the default.
 */
record DingForm(String text, List<String> recipients, String conversationId, Long messageId, String sendAt,
                Integer remindEveryMinutes, Integer reminders, String emailFrom, String smsFrom) {

    static final String NEVER = "never";

    DingForm {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    static DingForm empty(String conversationId, Long messageId, String text, List<String> recipients) {
        return new DingForm(text, recipients, conversationId, messageId, null, null, null, null, null);
    }

    NewDing toNewDing(ZoneId zone) {
        NewDing.Escalation escalation = blank(emailFrom) && blank(smsFrom) ? null
                : new NewDing.Escalation(step(emailFrom), step(smsFrom));
        return new NewDing(text == null ? "" : text.strip(), recipients, blank(conversationId) ? null : conversationId,
                messageId, sendAt(zone), remindEveryMinutes, reminders, escalation);
    }

    private java.time.Instant sendAt(ZoneId zone) {
        if (blank(sendAt)) {
            return null;
        }
        try {
            return LocalDateTime.parse(sendAt.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw LantauException.invalidField("sendAt", "messaging.ding_send_at_invalid",
                    "Enter a date and time such as 2026-03-02 09:30.");
        }
    }

    private static Integer step(String value) {
        if (blank(value) || NEVER.equals(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw LantauException.invalid("messaging.ding_escalation_invalid", "Choose when each channel joins.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
