package hk.lantau.messaging.internal.stream;

import java.util.List;

/**
 * A person's sign-in sessions ended (revoked, or the person left): every node closes the
 * connections opened with them.
 *
 * @param sessionIds the sessions concerned; empty for all of the person's connections
 */
public record StreamsEnded(long tenantId, String userId, List<String> sessionIds) {

    public StreamsEnded {
        sessionIds = List.copyOf(sessionIds);
    }
}
