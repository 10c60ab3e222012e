package hk.lantau.messaging.internal.stream;

import java.util.function.Consumer;

/**
 * Carries committed events to the nodes where their recipients are connected. One node needs
 * nothing more than a call in memory; several share a broker. Listeners are called on the
 * publishing thread or the broker's, so they must hand work off instead of blocking.
 */
public interface Fanout {

    /** Sends the event to every node's listeners, this node's included. */
    void publish(LiveEvent event);

    /** Registers this node's listener (its WebSocket hub). */
    void subscribe(Consumer<LiveEvent> listener);

    /** Tells every node, this one included, to close the connections of ended sessions. */
    void publish(StreamsEnded ended);

    void subscribeEnded(Consumer<StreamsEnded> listener);
}
