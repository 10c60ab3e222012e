package hk.lantau.messaging.internal.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out across nodes through Redis pub/sub. This node's own listeners are called directly, so
 * its connected people get their events even while Redis is away; other nodes' clients then
 * catch up from the stream in the database on their next event or reconnect. Messages a node
 * published come back to it from Redis and are ignored there.
 */
class RedisFanout implements Fanout, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);

    private final LocalFanout local = new LocalFanout();
    private final String node = UUID.randomUUID().toString();
    private final ClientResources resources;
    private final RedisClient client;
    private final String channel;
    private final Duration retry;
    private final ObjectMapper json;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stream-redis-connect");
        thread.setDaemon(true);
        return thread;
    });
    /** Set while Redis is known to be in trouble, so the log says so once rather than per event. */
    private final AtomicBoolean troubled = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean closed;

    RedisFanout(FanoutProperties properties, ObjectMapper json) {
        RedisURI uri = RedisURI.create(properties.redisUrl());
        uri.setTimeout(Duration.ofSeconds(2));
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.constant(properties.redisRetry())).build();
        this.client = RedisClient.create(resources, uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.channel = properties.redisChannel();
        this.retry = properties.redisRetry();
        this.json = json;
    }

    /** Connects now, or keeps trying in the background: a node starts without Redis too. */
    void start() {
        connect();
    }

    boolean connected() {
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        StatefulRedisConnection<String, String> pub = publisher;
        return sub != null && sub.isOpen() && pub != null && pub.isOpen();
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    receive(message);
                }
            });
            sub.sync().subscribe(channel);
            subscriber = sub;
            publisher = client.connect();
            if (troubled.compareAndSet(true, false)) {
                log.info("Connected to Redis for live events again.");
            }
        } catch (RuntimeException e) {
            trouble("cannot connect", e);
            if (!closed) {
                connector.schedule(this::connect, retry.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void publish(LiveEvent event) {
        local.publish(event);
        send(new Envelope(node, event, null));
    }

    @Override
    public void subscribe(java.util.function.Consumer<LiveEvent> listener) {
        local.subscribe(listener);
    }

    @Override
    public void publish(StreamsEnded ended) {
        local.publish(ended);
        send(new Envelope(node, null, ended));
    }

    @Override
    public void subscribeEnded(java.util.function.Consumer<StreamsEnded> listener) {
        local.subscribeEnded(listener);
    }

    private void send(Envelope envelope) {
        StatefulRedisConnection<String, String> pub = publisher;
        if (pub == null) {
            trouble("not connected", null);
            return;
        }
        String message;
        try {
            message = json.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("Live event cannot be written as JSON", e);
        }
        pub.async().publish(channel, message).whenComplete((receivers, failure) -> {
            if (failure != null) {
                trouble("publish failed", failure);
            } else if (troubled.compareAndSet(true, false)) {
                log.info("Publishing live events through Redis again.");
            }
        });
    }

    private void receive(String message) {
        Envelope envelope;
        try {
            envelope = json.readValue(message, Envelope.class);
        } catch (IOException e) {
            log.warn("Ignored a message on {} that is not a live event: {}", channel, e.getMessage());
            return;
        }
        if (node.equals(envelope.node())) {
            return;
        }
        if (envelope.live() != null) {
            local.publish(envelope.live());
        }
        if (envelope.ended() != null) {
            local.publish(envelope.ended());
        }
    }

    private void trouble(String what, Throwable cause) {
        if (troubled.compareAndSet(false, true)) {
            log.warn("Redis for live events: {} ({}). Clients on this node still get events live; those on "
                    + "other nodes get them when they next catch up.", what, cause == null ? "-" : cause.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        if (sub != null) {
            sub.close();
        }
        StatefulRedisConnection<String, String> pub = publisher;
        if (pub != null) {
            pub.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown();
    }

    /** What travels through Redis: one of the two, and the node that sent it. */
    record Envelope(String node, LiveEvent live, StreamsEnded ended) {
    }
}
