package hk.lantau.messaging;

import hk.lantau.shared.CursorPage;
import java.util.List;

/**
 * DINGs: urgent messages that each recipient must confirm, re-sent at an interval and escalated
 * to e-mail and SMS until they do. Every call acts as the current person; a DING they neither
 * sent nor received (or one that has not gone out yet, for a recipient) is "not found".
 */
public interface Dings {

    int MAX_TEXT = 1000;
    int MAX_RECIPIENTS = 200;
    int DEFAULT_REMIND_EVERY_MINUTES = 5;
    int MAX_REMIND_EVERY_MINUTES = 60;
    int DEFAULT_REMINDERS = 3;
    int MAX_REMINDERS = 10;
    int MAX_SCHEDULE_DAYS = 30;
    /** The default escalation: e-mail joins at the second reminder, SMS at the third. */
    int DEFAULT_EMAIL_FROM = 2;
    int DEFAULT_SMS_FROM = 3;

    /** Sends a DING now, or schedules it; validates everything before storing anything. */
    DingView send(long tenantId, NewDing ding);

    DingView get(long tenantId, long dingId);

    /** The DINGs the current person sent, newest first. */
    CursorPage<DingView> sent(long tenantId, String cursor, int limit);

    /** The DINGs the current person has received and not confirmed yet, newest first. */
    List<DingView> unconfirmed(long tenantId);

    /** Each recipient's confirmation and reminders; for the sender only. */
    List<DingRecipient> recipients(long tenantId, long dingId, Boolean confirmed);

    /** Every delivery attempt by channel, oldest first; for the sender only. */
    List<DingAttempt> attempts(long tenantId, long dingId);

    /** The current person confirms; doing it again changes nothing. */
    DingView confirm(long tenantId, long dingId);

    /** The sender cancels a scheduled DING or recalls a sent one that is not yet confirmed by all. */
    DingView cancel(long tenantId, long dingId);

    DingSettings settings(long tenantId);

    /** Needs {@code org.settings}. */
    DingSettings changeSettings(long tenantId, boolean emailAllowed, boolean smsAllowed);
}
