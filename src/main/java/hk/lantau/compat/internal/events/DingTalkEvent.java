package hk.lantau.compat.internal.events;

import java.time.Instant;
import java.util.Map;

/**
 * One organisation-level event as DingTalk pushes it, raised inside the transaction of the change
 * it reports; HTTP callbacks and Stream connections each listen and queue it for the apps that
 * take it.
 *
 * @param eventId   unique per event; stays the same on every redelivery
 * @param eventType DingTalk's name, such as {@code user_add_org} or {@code bpms_task_change}
 * @param corpId    the organisation's DingTalk corp id
 * @param data      the event's own fields with DingTalk's names, without the envelope fields
 */
public record DingTalkEvent(long tenantId, String eventId, String eventType, Instant bornAt, String corpId,
                            Map<String, Object> data) {

    public DingTalkEvent {
        data = Map.copyOf(data);
    }
}
