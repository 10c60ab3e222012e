package hk.lantau.messaging.internal.stream;

import java.util.function.Consumer;

/**
 * Carries committed events to the nodes where their recipients are connected. One node needs
 * nothing more than a call in memory; several share a broker.
 */
public interface Fanout {

    /** Sends the event to every node's listeners, this node's included. */
    void publish(LiveEvent event);

    /** Registers this node's listener (its WebSocket hub). */
    void subscribe(Consumer<LiveEvent> listener);
}
