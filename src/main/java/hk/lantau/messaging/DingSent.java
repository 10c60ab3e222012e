package hk.lantau.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Someone sent or scheduled a DING. Names how many people and which channels; not the text. */
public record DingSent(Long tenantId, long dingId, int recipientCount, List<String> channels, Instant sendAt,
                       boolean scheduled) implements DingAudited {

    public DingSent {
        channels = List.copyOf(channels);
    }

    @Override
    public String action() {
        return "messaging.ding.sent";
    }

    @Override
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("recipientCount", recipientCount);
        changes.put("channels", channels);
        changes.put("scheduled", scheduled);
        changes.put("sendAt", sendAt.toString());
        return changes;
    }
}
