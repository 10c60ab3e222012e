package hk.lantau.messaging.internal.ding;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.DingSettings;
import hk.lantau.messaging.Dings;
import hk.lantau.messaging.NewDing;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Checks a new DING field by field, collecting every problem so one answer names all of them;
 * {@link #check} throws them as a 400 before anything is stored.
 */
final class DingInput {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** What a valid request comes to. */
    record Draft(String text, List<String> recipients, String conversationId, Long messageId, Instant sendAt,
                 int remindEveryMinutes, int reminders, Integer emailFrom, Integer smsFrom) {
    }

    static Draft check(long tenantId, String senderId, NewDing ding, DingSettings settings, Directory directory,
                       Instant now) {
        DingInput input = new DingInput();
        String text = input.text(ding.text());
        List<String> recipients = input.recipients(tenantId, senderId, ding.recipients(), directory);
        input.link(ding.conversationId(), ding.messageId());
        Instant sendAt = input.sendAt(ding.sendAt(), now);
        int every = input.bounded("remindEveryMinutes", ding.remindEveryMinutes(),
                Dings.DEFAULT_REMIND_EVERY_MINUTES, 1, Dings.MAX_REMIND_EVERY_MINUTES,
                "messaging.ding_interval_invalid", "Remind every 1 to " + Dings.MAX_REMIND_EVERY_MINUTES + " minutes.");
        int reminders = input.bounded("reminders", ding.reminders(), Dings.DEFAULT_REMINDERS, 0, Dings.MAX_REMINDERS,
                "messaging.ding_reminders_invalid", "A DING has 0 to " + Dings.MAX_REMINDERS + " reminders.");
        Integer emailFrom;
        Integer smsFrom;
        if (ding.escalation() == null) {
            emailFrom = settings.emailAllowed() && reminders >= Dings.DEFAULT_EMAIL_FROM ? Dings.DEFAULT_EMAIL_FROM
                    : null;
            smsFrom = settings.smsAllowed() && reminders >= Dings.DEFAULT_SMS_FROM ? Dings.DEFAULT_SMS_FROM : null;
        } else {
            emailFrom = input.step("escalation.emailFrom", ding.escalation().emailFrom(), reminders,
                    settings.emailAllowed(), "e-mail");
            smsFrom = input.step("escalation.smsFrom", ding.escalation().smsFrom(), reminders,
                    settings.smsAllowed(), "SMS");
        }
        input.done();
        return new Draft(text, recipients, blankToNull(ding.conversationId()), ding.messageId(), sendAt, every,
                reminders, emailFrom, smsFrom);
    }

    private String text(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > Dings.MAX_TEXT) {
            violation("text", "messaging.ding_text_invalid", "A DING says something in 1 to " + Dings.MAX_TEXT
                    + " characters.");
        }
        return text;
    }

    private List<String> recipients(long tenantId, String senderId, List<String> raw, Directory directory) {
        if (raw == null || raw.isEmpty()) {
            violation("recipients", "messaging.ding_recipients_missing", "Choose at least one person.");
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : raw) {
            ids.add(id == null ? "" : id.strip());
        }
        if (ids.size() > Dings.MAX_RECIPIENTS) {
            violation("recipients", "messaging.ding_too_many_recipients", "A DING goes to at most "
                    + Dings.MAX_RECIPIENTS + " people.");
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String id = raw.get(i) == null ? "" : raw.get(i).strip();
            if (id.equals(senderId)) {
                violation("recipients[" + i + "]", "messaging.ding_recipient_self", "You cannot DING yourself.");
            } else if (id.isEmpty() || id.length() > 64
                    || directory.findUser(tenantId, id).filter(DirectoryUser::active).isEmpty()) {
                if (!unknown.contains(id)) {
                    unknown.add(id);
                    violation("recipients[" + i + "]", "messaging.ding_recipient_unknown",
                            "No active person '" + id + "' in this organisation.");
                }
            }
        }
        return List.copyOf(ids);
    }

    private void link(String conversationId, Long messageId) {
        boolean hasConversation = conversationId != null && !conversationId.isBlank();
        if (hasConversation != (messageId != null)) {
            violation(hasConversation ? "messageId" : "conversationId", "messaging.ding_link_invalid",
                    "A DING links to a message by conversationId and messageId together.");
        } else if (hasConversation && conversationId.strip().length() > 64) {
            violation("conversationId", "messaging.ding_link_invalid", "A conversation id has at most 64 characters.");
        }
    }

    private Instant sendAt(Instant requested, Instant now) {
        if (requested == null) {
            return null;
        }
        if (!requested.isAfter(now)) {
            violation("sendAt", "messaging.ding_send_at_past", "A scheduled DING goes out in the future.");
        } else if (requested.isAfter(now.plus(Duration.ofDays(Dings.MAX_SCHEDULE_DAYS)))) {
            violation("sendAt", "messaging.ding_send_at_too_far",
                    "A DING can be scheduled at most " + Dings.MAX_SCHEDULE_DAYS + " days ahead.");
        }
        return requested;
    }

    private int bounded(String field, Integer requested, int fallback, int min, int max, String code, String message) {
        if (requested == null) {
            return fallback;
        }
        if (requested < min || requested > max) {
            violation(field, code, message);
        }
        return requested;
    }

    private Integer step(String field, Integer requested, int reminders, boolean allowed, String channel) {
        if (requested == null) {
            return null;
        }
        if (!allowed) {
            violation(field, "messaging.ding_channel_not_allowed",
                    "This organisation does not let DINGs escalate by " + channel + ".");
        } else if (requested < 0 || requested > reminders) {
            violation(field, "messaging.ding_escalation_invalid", "Escalate by " + channel
                    + " from step 0 (the DING itself) to the last reminder (" + reminders + ").");
        }
        return requested;
    }

    private void violation(String field, String code, String message) {
        violations.add(new FieldViolation(field, code, message));
    }

    private void done() {
        if (violations.isEmpty()) {
            return;
        }
        if (violations.size() == 1) {
            FieldViolation only = violations.get(0);
            throw new LantauException(HttpStatus.BAD_REQUEST, only.code(), only.message(), violations);
        }
        throw new LantauException(HttpStatus.BAD_REQUEST, "messaging.ding_invalid", "Some fields are not valid: "
                + violations.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", ")) + ".",
                violations);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
