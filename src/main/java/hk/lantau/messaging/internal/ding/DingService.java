package hk.lantau.messaging.internal.ding;

import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.messaging.Chat;
import hk.lantau.messaging.DingAttempt;
import hk.lantau.messaging.DingCancelled;
import hk.lantau.messaging.DingRecipient;
import hk.lantau.messaging.DingSent;
import hk.lantau.messaging.DingSettings;
import hk.lantau.messaging.DingSettingsChanged;
import hk.lantau.messaging.DingStatus;
import hk.lantau.messaging.DingView;
import hk.lantau.messaging.Dings;
import hk.lantau.messaging.NewDing;
import hk.lantau.messaging.UserEvents;
import hk.lantau.messaging.internal.sql.PageCursor;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DingService implements Dings {

    private static final int UNCONFIRMED_LIMIT = 100;

    private final DingRepository dings;
    private final DingDelivery delivery;
    private final DingLimits limits;
    private final Chat chat;
    private final UserEvents events;
    private final Directory directory;
    private final MailChannel mail;
    private final SmsChannel sms;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DingService(DingRepository dings, DingDelivery delivery, DingLimits limits, Chat chat, UserEvents events,
                Directory directory, MailChannel mail, SmsChannel sms, ApplicationEventPublisher publisher, Clock clock) {
        this.dings = dings;
        this.delivery = delivery;
        this.limits = limits;
        this.chat = chat;
        this.events = events;
        this.directory = directory;
        this.mail = mail;
        this.sms = sms;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DingView send(long tenantId, NewDing request) {
        String sender = person();
        Instant now = now();
        DingSettings settings = settings(tenantId);
        DingInput.Draft draft = DingInput.check(tenantId, sender, request, settings, directory, now);
        linkable(tenantId, sender, draft);
        // Without a gateway no SMS goes out, so nothing is spent.
        boolean mayText = draft.smsFrom() != null && settings.smsConfigured();
        limits.check(tenantId, sender, mayText ? draft.recipients().size() : 0, now);
        boolean scheduled = draft.sendAt() != null;
        DingRow row = new DingRow(0, tenantId, sender, draft.text(), draft.conversationId(), draft.messageId(),
                scheduled ? DingStatus.SCHEDULED : DingStatus.SENT, scheduled ? draft.sendAt() : now,
                scheduled ? null : now, null, draft.remindEveryMinutes(), draft.reminders(), draft.emailFrom(),
                draft.smsFrom(), draft.recipients().size(), now, 0);
        long id = dings.insert(row);
        dings.insertRecipients(tenantId, id, draft.recipients());
        DingRow stored = dings.find(tenantId, id).orElseThrow();
        if (!scheduled) {
            delivery.release(stored, now);
        }
        publisher.publishEvent(new DingSent(tenantId, id, draft.recipients().size(), channels(stored),
                stored.sendAt(), scheduled));
        return view(stored, null);
    }

    @Override
    @Transactional(readOnly = true)
    public DingView get(long tenantId, long dingId) {
        String me = person();
        DingRow ding = visible(tenantId, dingId, me);
        return view(ding, me);
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<DingView> sent(long tenantId, String cursor, int limit) {
        String me = person();
        Long after = PageCursor.decodeLong(cursor, "messaging.cursor_invalid");
        long before = after == null ? Long.MAX_VALUE : after;
        int size = Math.max(1, Math.min(limit, 100));
        List<DingRow> rows = dings.sentBy(tenantId, me, before, size + 1);
        List<DingView> items = views(rows.stream().limit(size).toList(), null);
        String next = rows.size() > size ? PageCursor.encode(rows.get(size - 1).id()) : null;
        return new CursorPage<>(items, next);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DingView> unconfirmed(long tenantId) {
        String me = person();
        return views(dings.unconfirmedFor(tenantId, me, UNCONFIRMED_LIMIT), me);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DingRecipient> recipients(long tenantId, long dingId, Boolean confirmed) {
        DingRow ding = ownDing(tenantId, dingId);
        return dings.recipients(ding.id(), confirmed).stream()
                .map(r -> new DingRecipient(r.userId(), name(tenantId, r.userId()), r.confirmedAt(), r.remindersSent(),
                        r.lastRemindedAt(), r.nextRemindAt()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DingAttempt> attempts(long tenantId, long dingId) {
        return dings.attempts(ownDing(tenantId, dingId).id());
    }

    @Override
    @Transactional
    public DingView confirm(long tenantId, long dingId) {
        String me = person();
        DingRow ding = dings.lock(tenantId, dingId).filter(d -> d.sentAt() != null)
                .filter(d -> dings.recipient(d.id(), me).isPresent())
                .orElseThrow(DingService::notFound);
        Instant now = now();
        if (ding.status() == DingStatus.CANCELLED) {
            if (dings.recipient(ding.id(), me).map(RecipientRow::confirmedAt).isPresent()) {
                return view(ding, me);
            }
            throw LantauException.conflict("messaging.ding_cancelled", "The sender cancelled this DING.");
        }
        if (dings.confirm(ding.id(), me, now) == 1) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("dingId", ding.id());
            payload.put("userId", me);
            payload.put("name", name(tenantId, me));
            payload.put("confirmedAt", now.toString());
            payload.put("confirmedCount", dings.confirmedCount(ding.id()));
            payload.put("recipientCount", ding.recipientCount());
            // The sender watches confirmations arrive; the person's other devices drop their banner.
            events.append(tenantId, List.of(ding.senderId(), me), DingDelivery.CONFIRMED, payload);
        }
        return view(dings.find(tenantId, ding.id()).orElseThrow(), me);
    }

    @Override
    @Transactional
    public DingView cancel(long tenantId, long dingId) {
        DingRow ding = dings.lock(tenantId, dingId).filter(d -> d.senderId().equals(person()))
                .orElseThrow(DingService::notFound);
        if (ding.status() == DingStatus.CANCELLED) {
            return view(ding, null);
        }
        List<String> unconfirmed = dings.unconfirmedUsers(ding.id());
        if (unconfirmed.isEmpty()) {
            throw LantauException.conflict("messaging.ding_all_confirmed",
                    "Everyone has confirmed this DING; there is nothing left to cancel.");
        }
        Instant now = now();
        dings.cancel(ding.id(), now);
        dings.stopReminders(ding.id());
        boolean wasSent = ding.status() == DingStatus.SENT;
        if (wasSent) {
            events.append(tenantId, unconfirmed, DingDelivery.CANCELLED, Map.of("dingId", ding.id(),
                    "cancelledAt", now.toString()));
        }
        publisher.publishEvent(new DingCancelled(tenantId, ding.id(), wasSent, unconfirmed.size()));
        return view(dings.find(tenantId, ding.id()).orElseThrow(), null);
    }

    @Override
    @Transactional(readOnly = true)
    public DingSettings settings(long tenantId) {
        boolean[] allowed = dings.settings(tenantId).orElse(new boolean[] {true, true});
        return new DingSettings(allowed[0], allowed[1], mail.configured(), sms.configured());
    }

    @Override
    @Transactional
    public DingSettings changeSettings(long tenantId, boolean emailAllowed, boolean smsAllowed) {
        CurrentActor.require(Permission.ORG_SETTINGS);
        DingSettings current = settings(tenantId);
        if (current.emailAllowed() != emailAllowed || current.smsAllowed() != smsAllowed) {
            dings.saveSettings(tenantId, emailAllowed, smsAllowed, now());
            publisher.publishEvent(new DingSettingsChanged(tenantId, emailAllowed, smsAllowed));
        }
        return settings(tenantId);
    }

    /** The sender sees their DING in every state; a recipient once it has gone out. */
    private DingRow visible(long tenantId, long dingId, String me) {
        return dings.find(tenantId, dingId)
                .filter(d -> d.senderId().equals(me)
                        || d.sentAt() != null && dings.recipient(d.id(), me).isPresent())
                .orElseThrow(DingService::notFound);
    }

    private DingRow ownDing(long tenantId, long dingId) {
        String me = person();
        return dings.find(tenantId, dingId).filter(d -> d.senderId().equals(me)).orElseThrow(DingService::notFound);
    }

    /** Views of several DINGs, looking each sender's name up once. */
    private List<DingView> views(List<DingRow> rows, String viewer) {
        Map<String, String> names = new HashMap<>();
        return rows.stream().map(d -> view(d, viewer,
                names.computeIfAbsent(d.senderId(), id -> name(d.tenantId(), id)))).toList();
    }

    private DingView view(DingRow d, String viewer) {
        return view(d, viewer, name(d.tenantId(), d.senderId()));
    }

    private DingView view(DingRow d, String viewer, String senderName) {
        Instant confirmedAt = viewer == null || viewer.equals(d.senderId()) ? null
                : dings.recipient(d.id(), viewer).map(RecipientRow::confirmedAt).orElse(null);
        return new DingView(d.id(), d.senderId(), senderName, d.text(), d.conversationId(), d.messageId(),
                d.status(), d.sendAt(), d.sentAt(), d.cancelledAt(), d.remindEveryMinutes(), d.reminders(),
                d.emailFrom(), d.smsFrom(), d.recipientCount(), d.confirmedCount(), d.createdAt(),
                confirmedAt);
    }

    private static List<String> channels(DingRow ding) {
        List<String> channels = new ArrayList<>(List.of("inApp"));
        if (ding.emailFrom() != null) {
            channels.add("email");
        }
        if (ding.smsFrom() != null) {
            channels.add("sms");
        }
        return channels;
    }

    private String name(long tenantId, String userId) {
        return directory.findUser(tenantId, userId).map(DirectoryUser::name).orElse(userId);
    }

    /** DINGs are between people: apps and the system have no inbox. */
    private static String person() {
        Actor actor = CurrentActor.get();
        return Optional.ofNullable(actor.userId()).filter(id -> actor.kind() == ActorKind.USER)
                .orElseThrow(() -> LantauException.forbidden("messaging.people_only", "Only people send DINGs."));
    }

    /** A DING may only point at a message its sender can see; anything else is as if it did not exist. */
    private void linkable(long tenantId, String sender, DingInput.Draft draft) {
        if (draft.conversationId() == null) {
            return;
        }
        if (chat.role(tenantId, draft.conversationId(), sender).isEmpty()) {
            throw LantauException.notFound("messaging.conversation_not_found", "No such conversation.");
        }
        if (!chat.canSee(tenantId, draft.conversationId(), draft.messageId(), sender)) {
            throw LantauException.notFound("messaging.message_not_found", "No such message in this conversation.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static LantauException notFound() {
        return LantauException.notFound("messaging.ding_not_found", "No such DING.");
    }
}
