package hk.lantau.messaging.internal.notice;

import hk.lantau.directory.Audiences;
import hk.lantau.directory.UserStatus;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.SendProgress;
import hk.lantau.messaging.SystemNotices;
import hk.lantau.messaging.UserEvents;
import hk.lantau.messaging.internal.content.ContentRules;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lantau's own notices: stored as finished notification tasks from Lantau and delivered at once. */
@Service
class SystemNoticeService implements SystemNotices {

    static final MessageAuthor LANTAU = new MessageAuthor(MessageAuthor.Kind.SYSTEM, "lantau", "Lantau");

    private final NoticeTaskRepository tasks;
    private final NoticeRecipientRepository recipients;
    private final Audiences audiences;
    private final UserEvents events;
    private final ContentCodec codec;
    private final ContentRules rules;
    private final Clock clock;

    SystemNoticeService(NoticeTaskRepository tasks, NoticeRecipientRepository recipients, Audiences audiences,
                        UserEvents events, ContentCodec codec, NotificationSettings settings, Clock clock) {
        this.tasks = tasks;
        this.recipients = recipients;
        this.audiences = audiences;
        this.events = events;
        this.codec = codec;
        this.rules = settings.systemContentRules();
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<String> notify(long tenantId, Collection<String> userIds, MessageContent content) {
        rules.check(content, LANTAU.kind());
        Map<String, UserStatus> statuses = audiences.statuses(tenantId, userIds.stream().distinct().toList());
        List<String> reached = statuses.entrySet().stream().filter(e -> e.getValue() == UserStatus.ACTIVE)
                .map(Map.Entry::getKey).sorted().toList();
        if (reached.isEmpty()) {
            return reached;
        }
        Instant now = clock.instant();
        String json = codec.write(content);
        long id = tasks.insert(tenantId, LANTAU, json, ContentCodec.hash(LANTAU, json), false, reached.size(),
                List.of(), List.of(), SendProgress.DONE, now);
        tasks.finish(id, now);
        recipients.insert(tenantId, id, reached, NoticeRecipientRepository.DELIVERED, Map.of(), now);
        events.append(tenantId, reached, "notification.created", ContentCodec.view(id, LANTAU, content, now, null));
        return reached;
    }
}
