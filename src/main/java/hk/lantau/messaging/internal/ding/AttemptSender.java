package hk.lantau.messaging.internal.ding;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.directory.Users;
import hk.lantau.messaging.DingAttempt;
import hk.lantau.messaging.DingStatus;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends one pending e-mail or SMS attempt, outside any transaction (a slow mail server must not
 * hold database locks), and records what became of it.
 */
@Component
class AttemptSender {

    private final DingRepository dings;
    private final Directory directory;
    private final Users users;
    private final MailChannel mail;
    private final SmsChannel sms;
    private final DingTexts texts;
    private final Clock clock;

    AttemptSender(DingRepository dings, Directory directory, Users users, MailChannel mail, SmsChannel sms,
                  DingTexts texts, Clock clock) {
        this.dings = dings;
        this.directory = directory;
        this.users = users;
        this.mail = mail;
        this.sms = sms;
        this.texts = texts;
        this.clock = clock;
    }

    void send(DingRepository.PendingAttempt attempt) {
        Delivery delivery;
        try {
            delivery = deliver(attempt);
        } catch (RuntimeException e) {
            delivery = Delivery.failed("Could not send: " + e.getClass().getSimpleName());
        }
        dings.finishAttempt(attempt.id(), delivery.outcome(), delivery.detail(), clock.instant());
    }

    private Delivery deliver(DingRepository.PendingAttempt attempt) {
        DingRow ding = dings.find(attempt.tenantId(), attempt.dingId()).orElse(null);
        Optional<RecipientRow> recipient = dings.recipient(attempt.dingId(), attempt.userId());
        if (ding == null || ding.status() != DingStatus.SENT || recipient.isEmpty()) {
            return new Delivery(DingAttempt.Outcome.SKIPPED, "The DING was cancelled.");
        }
        if (recipient.get().confirmedAt() != null) {
            return new Delivery(DingAttempt.Outcome.SKIPPED, "Confirmed before this was sent.");
        }
        Optional<DirectoryUser> person = directory.findUser(attempt.tenantId(), attempt.userId())
                .filter(DirectoryUser::active);
        if (person.isEmpty()) {
            return new Delivery(DingAttempt.Outcome.SKIPPED, "The person is no longer active.");
        }
        String sender = directory.findUser(ding.tenantId(), ding.senderId()).map(DirectoryUser::name)
                .orElse(ding.senderId());
        return attempt.channel() == DingAttempt.Channel.EMAIL
                ? email(person.get(), ding, sender, attempt.step())
                : sms(attempt, ding, sender);
    }

    private Delivery email(DirectoryUser person, DingRow ding, String sender, int step) {
        if (!mail.configured()) {
            return mail.send(null, null, null);
        }
        if (person.email() == null || person.email().isBlank()) {
            return new Delivery(DingAttempt.Outcome.NO_ADDRESS, "The person has no e-mail address.");
        }
        return mail.send(person.email(), texts.mailSubject(sender, step), texts.mailBody(sender, ding.text(), step));
    }

    private Delivery sms(DingRepository.PendingAttempt attempt, DingRow ding, String sender) {
        if (!sms.configured()) {
            return sms.send(null, null, null);
        }
        // The mobile is protected: read it as the system, which the audit trail records as a reveal.
        String mobile = ActorScope.callAs(Actor.system(attempt.tenantId(), "ding"),
                () -> users.reveal(attempt.tenantId(), attempt.userId(), ProtectedField.MOBILE));
        if (mobile == null || mobile.isBlank()) {
            return new Delivery(DingAttempt.Outcome.NO_ADDRESS, "The person has no mobile number.");
        }
        return sms.send(mobile, texts.sms(sender, ding.text()), "ding-" + attempt.id());
    }
}
