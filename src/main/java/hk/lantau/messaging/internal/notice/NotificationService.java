package hk.lantau.messaging.internal.notice;

import hk.lantau.directory.Audiences;
import hk.lantau.messaging.Audience;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.NewNotification;
import hk.lantau.messaging.NotificationInbox;
import hk.lantau.messaging.NotificationRecalled;
import hk.lantau.messaging.NotificationRecipient;
import hk.lantau.messaging.NotificationSent;
import hk.lantau.messaging.NotificationTask;
import hk.lantau.messaging.NotificationView;
import hk.lantau.messaging.RecipientState;
import hk.lantau.messaging.SendProgress;
import hk.lantau.messaging.UserEvents;
import hk.lantau.messaging.WorkNotifications;
import hk.lantau.messaging.internal.content.ContentRules;
import hk.lantau.messaging.internal.sql.PageCursor;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts work notifications, shows their progress and results to their senders, recalls them,
 * and serves each person's own list. Delivery itself is {@link NotificationDelivery}'s.
 */
@Service
class NotificationService implements WorkNotifications {

    private static final String CURSOR_INVALID = "messaging.notification_cursor_invalid";

    private static final int RECALL_CHUNK = 5000;

    private final NoticeTaskRepository tasks;
    private final NoticeRecipientRepository recipients;
    private final NoticeInboxRepository inbox;
    private final Audiences audiences;
    private final UserEvents events;
    private final ContentCodec codec;
    private final NotificationSettings settings;
    private final ApplicationEventPublisher publisher;
    private final NotificationWakeup wakeup;
    private final Clock clock;

    NotificationService(NoticeTaskRepository tasks, NoticeRecipientRepository recipients, NoticeInboxRepository inbox,
                        Audiences audiences, UserEvents events, ContentCodec codec, NotificationSettings settings,
                        ApplicationEventPublisher publisher, NotificationWakeup wakeup, Clock clock) {
        this.tasks = tasks;
        this.recipients = recipients;
        this.inbox = inbox;
        this.audiences = audiences;
        this.events = events;
        this.codec = codec;
        this.settings = settings;
        this.publisher = publisher;
        this.wakeup = wakeup;
        this.clock = clock;
    }

    @Override
    @Transactional
    public NotificationTask send(long tenantId, NewNotification notification) {
        MessageAuthor sender = sender(CurrentActor.require(Permission.NOTIFICATIONS_SEND));
        if (notification == null) {
            throw LantauException.invalid("messaging.notification_content_invalid", "A notification needs content.");
        }
        ContentRules rules = settings.contentRules();
        rules.check(notification.content(), sender.kind());
        String content = codec.write(notification.content());
        rules.checkStored(content);
        Audience audience = checked(notification.audience());
        List<String> userIds = audience.everyone() ? List.of() : List.copyOf(new LinkedHashSet<>(audience.userIds()));
        List<Long> departments = audience.everyone() ? List.of()
                : List.copyOf(new LinkedHashSet<>(audience.departmentIds()));
        Set<Long> existing = audiences.existingDepartments(tenantId, departments);
        List<Long> valid = departments.stream().filter(existing::contains).toList();
        List<Long> invalid = departments.stream().filter(d -> !existing.contains(d)).toList();
        Instant now = clock.instant();
        long id = tasks.insert(tenantId, sender, content, ContentCodec.hash(sender, content), audience.everyone(),
                userIds.size(), valid, invalid, SendProgress.NOT_STARTED, now);
        tasks.insertTargets(id, userIds);
        publisher.publishEvent(new NotificationSent(tenantId, id, sender.kind().name().toLowerCase(), userIds.size(),
                departments, audience.everyone()));
        wakeup.afterCommit();
        return view(visible(tenantId, id));
    }

    @Override
    @Transactional(readOnly = true)
    public NotificationTask task(long tenantId, long taskId) {
        return view(visible(tenantId, taskId));
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<NotificationRecipient> recipients(long tenantId, long taskId, RecipientState state, String cursor,
                                                        int limit) {
        visible(tenantId, taskId);
        List<String> position = PageCursor.decode(cursor, 1, CURSOR_INVALID);
        String after = position == null ? null : position.get(0);
        List<NotificationRecipient> found = recipients.list(taskId, state, after, limit + 1);
        if (found.size() <= limit) {
            return new CursorPage<>(found, null);
        }
        List<NotificationRecipient> page = found.subList(0, limit);
        return new CursorPage<>(page, PageCursor.encode(page.get(limit - 1).userId()));
    }

    @Override
    @Transactional
    public NotificationTask recall(long tenantId, long taskId) {
        visible(tenantId, taskId);
        TaskRow task = tasks.lock(tenantId, taskId).orElseThrow(NotificationService::notFound);
        if (task.recalledAt() != null) {
            return view(task);
        }
        Instant now = clock.instant();
        tasks.markRecalled(taskId, now);
        int reached = 0;
        String after = null;
        List<String> chunk;
        do {
            chunk = recipients.delivered(taskId, after, RECALL_CHUNK);
            if (!chunk.isEmpty()) {
                events.append(tenantId, chunk, "notification.recalled", Map.of("id", taskId));
                reached += chunk.size();
                after = chunk.get(chunk.size() - 1);
            }
        } while (chunk.size() == RECALL_CHUNK);
        if (task.status() < SendProgress.DONE) {
            tasks.finish(taskId, now);
        }
        publisher.publishEvent(new NotificationRecalled(tenantId, taskId, reached));
        return view(tasks.find(tenantId, taskId).orElseThrow(NotificationService::notFound));
    }

    @Override
    @Transactional(readOnly = true)
    public NotificationInbox inbox(long tenantId, String cursor, int limit) {
        String userId = person();
        Long before = PageCursor.decodeLong(cursor, CURSOR_INVALID);
        List<NoticeInboxRepository.Received> found = inbox.page(tenantId, userId, before, limit + 1);
        List<NotificationView> items = new ArrayList<>();
        for (NoticeInboxRepository.Received r : found.subList(0, Math.min(limit, found.size()))) {
            items.add(view(r));
        }
        String next = found.size() > limit ? PageCursor.encode(items.get(limit - 1).id()) : null;
        return new NotificationInbox(items, next, inbox.unread(tenantId, userId));
    }

    @Override
    @Transactional
    public NotificationView markRead(long tenantId, long notificationId) {
        String userId = person();
        inbox.find(tenantId, userId, notificationId).orElseThrow(NotificationService::notFound);
        inbox.markRead(tenantId, userId, notificationId, clock.instant());
        return view(inbox.find(tenantId, userId, notificationId).orElseThrow(NotificationService::notFound));
    }

    private Audience checked(Audience audience) {
        if (audience == null || audience.empty()) {
            throw LantauException.invalidField("audience", "messaging.notification_audience_empty",
                    "Name people, departments, or everyone.");
        }
        if (audience.everyone()) {
            return audience;
        }
        if (audience.userIds().size() > settings.maxUserIds()) {
            throw LantauException.invalidField("audience.userIds", "messaging.notification_too_many_users",
                    "At most " + settings.maxUserIds() + " userids in one notification.");
        }
        if (audience.departmentIds().size() > settings.maxDepartments()) {
            throw LantauException.invalidField("audience.departmentIds",
                    "messaging.notification_too_many_departments",
                    "At most " + settings.maxDepartments() + " departments in one notification.");
        }
        for (int i = 0; i < audience.userIds().size(); i++) {
            String userId = audience.userIds().get(i);
            if (userId == null || userId.isBlank() || userId.length() > 64) {
                throw LantauException.invalidField("audience.userIds[" + i + "]",
                        "messaging.notification_audience_invalid", "A userid is 1 to 64 characters.");
            }
        }
        for (int i = 0; i < audience.departmentIds().size(); i++) {
            if (audience.departmentIds().get(i) == null) {
                throw LantauException.invalidField("audience.departmentIds[" + i + "]",
                        "messaging.notification_audience_invalid", "A department id is a number.");
            }
        }
        return audience;
    }

    /** The task if the caller sent it or moderates messaging; otherwise as if it did not exist. */
    private TaskRow visible(long tenantId, long taskId) {
        TaskRow task = tasks.find(tenantId, taskId).orElseThrow(NotificationService::notFound);
        Actor actor = CurrentActor.get();
        boolean moderator = actor.kind() == ActorKind.USER && actor.can(Permission.MESSAGES_MODERATE);
        if (task.sender().kind() == MessageAuthor.Kind.SYSTEM ? !moderator
                : !moderator && !(canSend(actor) && task.sentBy(sender(actor)))) {
            throw notFound();
        }
        return task;
    }

    private static boolean canSend(Actor actor) {
        return actor.kind() == ActorKind.APP || actor.kind() == ActorKind.USER;
    }

    private static MessageAuthor sender(Actor actor) {
        return switch (actor.kind()) {
            case APP -> new MessageAuthor(MessageAuthor.Kind.APP, actor.userId(), actor.name());
            case USER -> new MessageAuthor(MessageAuthor.Kind.USER, actor.userId(), actor.name());
            default -> throw LantauException.forbidden("auth.permission_missing",
                    "Only apps and people of the organisation send work notifications.");
        };
    }

    private static String person() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER) {
            throw LantauException.forbidden("auth.permission_missing", "Only people have notifications.");
        }
        return actor.userId();
    }

    private NotificationTask view(TaskRow task) {
        Map<RecipientState, Integer> counts = recipients.counts(task.id());
        int read = counts.getOrDefault(RecipientState.READ, 0);
        int delivered = read + counts.getOrDefault(RecipientState.UNREAD, 0);
        return new NotificationTask(task.id(), task.sender(), codec.read(task.content()), task.userCount(),
                task.departmentIds(), task.toAll(), progress(task), delivered, read, counts.getOrDefault(RecipientState.INVALID, 0),
                counts.getOrDefault(RecipientState.FORBIDDEN, 0), task.invalidDepartmentIds(), task.createdAt(),
                task.finishedAt(), task.recalledAt());
    }

    static SendProgress progress(TaskRow task) {
        if (task.status() == SendProgress.DONE) {
            return new SendProgress(SendProgress.DONE, 100);
        }
        if (task.status() == SendProgress.NOT_STARTED || task.estimated() == 0) {
            return new SendProgress(task.status(), 0);
        }
        return new SendProgress(SendProgress.RUNNING, Math.min(99, task.processed() * 100 / task.estimated()));
    }

    private NotificationView view(NoticeInboxRepository.Received r) {
        return ContentCodec.view(r.id(), r.sender(), codec.read(r.content()), r.sentAt(), r.readAt());
    }

    static LantauException notFound() {
        return LantauException.notFound("messaging.notification_not_found", "There is no such notification.");
    }
}
