package hk.lantau.messaging;

import java.util.Collection;
import java.util.List;

/**
 * Each person's ordered stream of what happened to them: new messages, receipts, DINGs, work
 * notifications. Every event a person receives gets the next number of their own sequence, so a
 * client that reconnects with its last sequence receives everything it missed, in order, once.
 */
public interface UserEvents {

    /**
     * Appends one event to each recipient's stream in the caller's transaction; connected clients
     * receive it once that transaction commits. The payload is serialised to JSON and stored once,
     * however many people receive it. Unknown or duplicate user ids are the caller's to avoid.
     *
     * @return the event's id
     */
    long append(long tenantId, Collection<String> userIds, String type, Object payload);

    /** The events after {@code afterSeq} in one person's stream, oldest first, at most {@code limit}. */
    List<StreamedEvent> since(long tenantId, String userId, long afterSeq, int limit);

    /** The sequence of the newest event in one person's stream, 0 if none. */
    long lastSequence(long tenantId, String userId);

    /**
     * Deletes one person's stream for an erasure: their numbered rows, their counter, and the
     * payloads nobody else received. Copies in other people's streams age out with retention.
     *
     * @return the rows deleted
     */
    int forget(long tenantId, String userId);
}
