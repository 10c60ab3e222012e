package hk.lantau.messaging.internal.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fan-out within one process: enough for a single node. */
public class LocalFanout implements Fanout {

    private static final Logger log = LoggerFactory.getLogger(LocalFanout.class);

    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<StreamsEnded>> endedListeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LiveEvent event) {
        for (Consumer<LiveEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // A failing listener must not stop the others; the stream keeps the event for catch-up.
                log.warn("Live event {} not handed to a listener: {}", event.eventId(), e.toString());
            }
        }
    }

    @Override
    public void subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void publish(StreamsEnded ended) {
        for (Consumer<StreamsEnded> listener : endedListeners) {
            try {
                listener.accept(ended);
            } catch (RuntimeException e) {
                log.warn("Ended sessions not handed to a listener: {}", e.toString());
            }
        }
    }

    @Override
    public void subscribeEnded(Consumer<StreamsEnded> listener) {
        endedListeners.add(listener);
    }
}
