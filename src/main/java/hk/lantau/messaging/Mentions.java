package hk.lantau.messaging;

import java.util.Set;

/**
 * Who a message mentions: people by directory userid, or everyone in the conversation, and the
 * robots it addresses by robot code. Messaging keeps the people's mentions with the message; robot
 * mentions are passed on in {@link RobotsMentioned} for the module that owns those robots.
 */
public record Mentions(Set<String> userIds, boolean all, Set<String> robots) {

    public static final Mentions NONE = new Mentions(Set.of(), false);

    public Mentions {
        userIds = Set.copyOf(userIds);
        robots = robots == null ? Set.of() : Set.copyOf(robots);
    }

    public Mentions(Set<String> userIds, boolean all) {
        this(userIds, all, Set.of());
    }
}
