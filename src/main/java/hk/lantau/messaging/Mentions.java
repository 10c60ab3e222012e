package hk.lantau.messaging;

import java.util.Set;

/** Who a message mentions: people by directory userid, or everyone in the conversation. */
public record Mentions(Set<String> userIds, boolean all) {

    public static final Mentions NONE = new Mentions(Set.of(), false);

    public Mentions {
        userIds = Set.copyOf(userIds);
    }
}
