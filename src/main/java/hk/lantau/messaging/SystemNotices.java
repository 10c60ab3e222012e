package hk.lantau.messaging;

import java.util.Collection;
import java.util.List;

/**
 * Lantau itself telling people something (an app's webhook was paused, its secret expires). The
 * notice reaches the active people among {@code userIds} at once, in the caller's transaction,
 * as a work notification from Lantau; the daily limits of apps do not apply.
 */
public interface SystemNotices {

    /** @return the userids it reached, empty when none of them is an active person */
    List<String> notify(long tenantId, Collection<String> userIds, MessageContent content);
}
