package hk.lantau.messaging.internal.notice;

import hk.lantau.directory.Audiences;
import hk.lantau.directory.UserStatus;
import hk.lantau.messaging.SendProgress;
import hk.lantau.messaging.UserEvents;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivers accepted notifications in batches, each its own transaction: the batch's recipient
 * rows, their stream events and the task's cursor commit together, so a node that stops loses
 * nothing and repeats nothing. A node works on a task only while it holds the task's lease; when
 * a node dies its lease runs out and any node carries on from the cursor.
 */
@Component
class NotificationDelivery {

    private final String node = Tokens.randomHex(8);
    private final NoticeTaskRepository tasks;
    private final NoticeRecipientRepository recipients;
    private final Audiences audiences;
    private final UserEvents events;
    private final DailyLimits limits;
    private final ContentCodec codec;
    private final NotificationSettings settings;
    private final TransactionOperations tx;
    private final Clock clock;

    NotificationDelivery(NoticeTaskRepository tasks, NoticeRecipientRepository recipients, Audiences audiences, UserEvents events,
                         DailyLimits limits, ContentCodec codec, NotificationSettings settings,
                         TransactionOperations tx, Clock clock) {
        this.tasks = tasks;
        this.recipients = recipients;
        this.audiences = audiences;
        this.events = events;
        this.limits = limits;
        this.codec = codec;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lantau.messaging.notifications.poll:2s}", initialDelayString = "PT5S")
    void poll() {
        deliverDue();
    }

    /** Works through every task that is due and not leased by another node; returns how many it finished. */
    int deliverDue() {
        int finished = 0;
        boolean claimedAny = true;
        while (claimedAny) {
            claimedAny = false;
            for (long id : tasks.due(clock.instant(), 20)) {
                Instant now = clock.instant();
                if (!tasks.claim(id, node, now, now.plus(settings.lease()))) {
                    continue;
                }
                claimedAny = true;
                try {
                    while (Boolean.TRUE.equals(tx.execute(status -> batch(id)))) {
                        // next batch
                    }
                    finished++;
                } finally {
                    tasks.release(id, node);
                }
            }
        }
        return finished;
    }

    /** Handles the next batch of people; false when the task is done or no longer this node's. */
    private boolean batch(long id) {
        TaskRow task = tasks.lockLeased(id, node).orElse(null);
        if (task == null) {
            return false;
        }
        Instant now = clock.instant();
        if (task.recalledAt() != null || task.status() == SendProgress.DONE) {
            tasks.finish(id, now);
            return false;
        }
        boolean groups = task.toAll() || !task.departmentIds().isEmpty();
        if (task.status() == SendProgress.NOT_STARTED) {
            int members = groups ? audiences.countActiveMembers(task.tenantId(), task.departmentIds()) : 0;
            tasks.start(id, task.userCount() + members);
        }
        int size = settings.batchSize();
        List<String> named = tasks.targets(id, task.cursor(), size);
        List<String> members = groups
                ? audiences.activeMembers(task.tenantId(), task.departmentIds(), task.cursor(), size) : List.of();
        TreeSet<String> merged = new TreeSet<>(named);
        merged.addAll(members);
        List<String> candidates = merged.stream().limit(size).toList();
        if (candidates.isEmpty()) {
            tasks.finish(id, now);
            return false;
        }
        Set<String> active = new HashSet<>(members);
        List<String> unchecked = candidates.stream().filter(u -> !active.contains(u)).toList();
        audiences.statuses(task.tenantId(), unchecked).forEach((user, status) -> {
            if (status == UserStatus.ACTIVE) {
                active.add(user);
            }
        });
        List<String> invalid = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (String user : candidates) {
            (active.contains(user) ? valid : invalid).add(user);
        }
        Map<String, Integer> forbidden = limits.forbidden(task, valid, now);
        List<String> deliver = valid.stream().filter(u -> !forbidden.containsKey(u)).toList();
        recipients.insert(task.tenantId(), id, invalid, NoticeRecipientRepository.INVALID, Map.of(), now);
        recipients.insert(task.tenantId(), id, forbidden.keySet(), NoticeRecipientRepository.FORBIDDEN, forbidden, now);
        recipients.insert(task.tenantId(), id, deliver, NoticeRecipientRepository.DELIVERED, Map.of(), now);
        if (!deliver.isEmpty()) {
            events.append(task.tenantId(), deliver, "notification.created",
                    ContentCodec.view(id, task.sender(), codec.read(task.content()), now, null));
        }
        tasks.advance(id, candidates.get(candidates.size() - 1), candidates.size(), now.plus(settings.lease()));
        return true;
    }
}
