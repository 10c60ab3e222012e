package hk.lantau.messaging.internal.ding;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.DingAttempt;
import hk.lantau.messaging.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Puts a DING in front of its recipients: in their in-app stream at once, in the caller's
 * transaction, and as pending e-mail and SMS attempts for the steps that escalate to them.
 */
@Component
class DingDelivery {

    static final String CREATED = "ding.created";
    static final String REMINDED = "ding.reminded";
    static final String CONFIRMED = "ding.confirmed";
    static final String CANCELLED = "ding.cancelled";

    private final DingRepository dings;
    private final UserEvents events;
    private final Directory directory;

    DingDelivery(DingRepository dings, UserEvents events, Directory directory) {
        this.dings = dings;
        this.events = events;
        this.directory = directory;
    }

    /** The DING goes out now (step 0); its first reminder is scheduled one interval later. */
    void release(DingRow ding, Instant now) {
        List<String> recipients = dings.unconfirmedUsers(ding.id()).stream()
                .filter(user -> active(ding.tenantId(), user)).toList();
        if (recipients.isEmpty()) {
            return;
        }
        events.append(ding.tenantId(), recipients, CREATED, payload(ding, 0, now));
        for (String user : recipients) {
            attempts(ding, user, 0, now);
        }
        if (ding.reminders() > 0) {
            dings.scheduleFirstReminder(ding.id(), now.plus(interval(ding)));
        }
    }

    /** Sends a scheduled DING whose time has come, unless another run did already. */
    void releaseScheduled(DingRepository.DueDing due, Instant now) {
        if (dings.markSent(due.id(), now) == 1) {
            dings.find(due.tenantId(), due.id()).ifPresent(ding -> release(ding, now));
        }
    }

    /** Sends one due reminder, unless another run claimed it first; returns whether this one did. */
    boolean remind(DingRepository.DueReminder due, Instant now) {
        DingRow ding = dings.find(due.tenantId(), due.dingId()).orElse(null);
        if (ding == null) {
            return false;
        }
        if (!active(ding.tenantId(), due.userId())) {
            // Someone who left or was suspended after the DING went out is not chased any further.
            dings.stopReminder(due.dingId(), due.userId());
            return false;
        }
        int step = due.remindersSent() + 1;
        Instant next = step < ding.reminders() ? now.plus(interval(ding)) : null;
        if (dings.advance(due, now, next) == 0) {
            return false;
        }
        events.append(ding.tenantId(), List.of(due.userId()), REMINDED, payload(ding, step, now));
        attempts(ding, due.userId(), step, now);
        return true;
    }

    private void attempts(DingRow ding, String user, int step, Instant now) {
        dings.insertAttempt(ding.tenantId(), ding.id(), user, step, DingAttempt.Channel.IN_APP,
                DingAttempt.Outcome.DELIVERED, now);
        if (ding.emailAt(step)) {
            dings.insertAttempt(ding.tenantId(), ding.id(), user, step, DingAttempt.Channel.EMAIL,
                    DingAttempt.Outcome.PENDING, now);
        }
        if (ding.smsAt(step)) {
            dings.insertAttempt(ding.tenantId(), ding.id(), user, step, DingAttempt.Channel.SMS,
                    DingAttempt.Outcome.PENDING, now);
        }
    }

    /** What a client needs to show the DING (or its reminder) without another call. */
    Map<String, Object> payload(DingRow ding, int step, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dingId", ding.id());
        payload.put("sender", Map.of("userId", ding.senderId(), "name", senderName(ding)));
        payload.put("text", ding.text());
        if (ding.conversationId() != null) {
            payload.put("conversationId", ding.conversationId());
            payload.put("messageId", ding.messageId());
        }
        payload.put("sentAt", (ding.sentAt() == null ? now : ding.sentAt()).toString());
        payload.put("step", step);
        payload.put("reminders", ding.reminders());
        return payload;
    }

    private boolean active(long tenantId, String userId) {
        return directory.findUser(tenantId, userId).filter(DirectoryUser::active).isPresent();
    }

    String senderName(DingRow ding) {
        return directory.findUser(ding.tenantId(), ding.senderId()).map(DirectoryUser::name).orElse(ding.senderId());
    }

    static Duration interval(DingRow ding) {
        return Duration.ofMinutes(ding.remindEveryMinutes());
    }
}
