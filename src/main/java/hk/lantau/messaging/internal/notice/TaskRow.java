package hk.lantau.messaging.internal.notice;

import hk.lantau.messaging.MessageAuthor;
import java.time.Instant;
import java.util.List;

/** A stored notification task; {@code content} is the content's JSON. */
record TaskRow(long id, long tenantId, MessageAuthor sender, String content, String contentHash, boolean toAll,
               int userCount, List<Long> departmentIds, List<Long> invalidDepartmentIds, int status, int estimated,
               int processed, String cursor, Instant createdAt, Instant finishedAt, Instant recalledAt) {

    boolean sentBy(MessageAuthor author) {
        return sender.kind() == author.kind() && sender.id().equals(author.id());
    }
}
