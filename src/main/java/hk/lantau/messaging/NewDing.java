package hk.lantau.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A DING to send. {@code sendAt} null sends it now. Null {@code remindEveryMinutes} and
 * {@code reminders} take the defaults; a null {@code escalation} takes the organisation's default
 * escalation.
 */
public record NewDing(String text, List<String> recipients, String conversationId, Long messageId, Instant sendAt,
                      Integer remindEveryMinutes, Integer reminders, Escalation escalation) {

    /**
     * From which delivery step each extra channel joins in-app delivery: 0 with the DING itself,
     * 1 with the first reminder, and so on; null never.
     */
    public record Escalation(Integer emailFrom, Integer smsFrom) {
    }
}
