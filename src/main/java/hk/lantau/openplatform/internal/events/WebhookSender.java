package hk.lantau.openplatform.internal.events;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.DeliveryFormat;
import hk.lantau.openplatform.FormattedDelivery;
import hk.lantau.openplatform.OutboundAnswer;
import hk.lantau.openplatform.OutgoingCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends one signed attempt. Redirects are never followed (a 3xx is a failure), nothing is retried
 * here, and a hard deadline cancels an attempt that has no complete answer within the timeout,
 * connecting included. Callbacks on hosts the organisation allowed go through a client that may
 * reach internal addresses; all others through one whose resolver refuses them.
 */
@Component
class WebhookSender implements DisposableBean {

    static final String USER_AGENT = "Lantau-Webhooks/1";
    static final int BODY_KEPT = 1024;

    private final CloseableHttpClient guarded;
    private final CloseableHttpClient trusted;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Duration timeout;
    private final SecretSealing sealing;
    private final Map<String, DeliveryFormat> formats;
    private final Clock clock;

    WebhookSender(WebhookSettings settings, SecretSealing sealing, ObjectProvider<DeliveryFormat> formats,
                  Clock clock) {
        this.formats = formats.orderedStream().collect(Collectors.toUnmodifiableMap(DeliveryFormat::name, f -> f));
        this.timeout = settings.deliveryTimeout();
        this.sealing = sealing;
        this.clock = clock;
        this.guarded = client(new RefusingDnsResolver(), settings);
        this.trusted = client(SystemDefaultDnsResolver.INSTANCE, settings);
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /** One attempt; {@code allowedHosts} are the organisation's allowed internal hosts. */
    AttemptResult send(ClaimedDelivery delivery, Set<String> allowedHosts) {
        Instant at = clock.instant();
        URI uri = URI.create(delivery.callbackUrl());
        boolean allowed = allowedHosts.contains(CallbackUrls.canonicalHost(uri));
        if (!allowed && !"https".equals(uri.getScheme())) {
            return AttemptResult.refused(delivery, at, "refused: http is only for hosts allowed for the organisation");
        }
        if (delivery.format() == null || StoredSubscription.LANTAU.equals(delivery.format())) {
            return execute(delivery, at, request(delivery, uri, at), allowed, null);
        }
        DeliveryFormat format = formats.get(delivery.format());
        if (format == null) {
            return AttemptResult.refused(delivery, at, "refused: no sender for the format " + delivery.format());
        }
        String secret = sealing.open(WebhookSigner.purpose(delivery.subscriptionId()), delivery.secretSealed());
        OutgoingCall call = format.prepare(new FormattedDelivery(delivery.tenantId(), delivery.appId(),
                delivery.subscriptionId(), delivery.eventId(), delivery.eventType(), delivery.callbackUrl(),
                delivery.body(), secret));
        return execute(delivery, at, formatted(call), allowed, call);
    }

    /** One call outside the outbox, such as a handshake; the same rules as a delivery. */
    Optional<String> probe(OutgoingCall call, Set<String> allowedHosts) {
        AttemptResult result = send(null, call, allowedHosts);
        return result.succeeded() ? Optional.empty() : Optional.of(reason(result));
    }

    private AttemptResult send(ClaimedDelivery delivery, OutgoingCall call, Set<String> allowedHosts) {
        Instant at = clock.instant();
        boolean allowed = allowedHosts.contains(CallbackUrls.canonicalHost(call.uri()));
        if (!allowed && !"https".equals(call.uri().getScheme())) {
            return AttemptResult.refused(delivery, at, "refused: http is only for hosts allowed for the organisation");
        }
        return execute(delivery, at, formatted(call), allowed, call);
    }

    private AttemptResult execute(ClaimedDelivery delivery, Instant at, HttpPost post, boolean allowed,
                                  OutgoingCall call) {
        long started = System.nanoTime();
        OutboundAnswer answer = execute(post, allowed, BODY_KEPT);
        if (answer.status() == null) {
            return new AttemptResult(delivery, at, false, null, answer.failure(), elapsed(started), null);
        }
        String failure = call == null ? null
                : call.failure(answer.status(), answer.body()).map(WebhookSender::cut).orElse(null);
        return new AttemptResult(delivery, at, answer.ok() && failure == null, answer.status(),
                answer.ok() ? failure : null, elapsed(started), answer.body());
    }

    /** One POST of a JSON body for another module ({@link OutboundCallService}), under the same deadline. */
    OutboundAnswer post(URI uri, Map<String, String> headers, byte[] body, boolean allowed, int keepBytes) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        headers.forEach(post::setHeader);
        return execute(post, allowed, keepBytes);
    }

    private OutboundAnswer execute(HttpPost post, boolean allowed, int keepBytes) {
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = (allowed ? trusted : guarded).executeOpen(null, post, null)) {
            return new OutboundAnswer(response.getCode(), start(response.getEntity(), keepBytes), null);
        } catch (IOException e) {
            return new OutboundAnswer(null, null, describe(e, post.isCancelled()));
        } finally {
            deadline.cancel(false);
        }
    }

    /** The delivery log keeps 300 characters of a reason. */
    private static String cut(String reason) {
        return reason.length() > 300 ? reason.substring(0, 299) + "…" : reason;
    }

    private static String reason(AttemptResult result) {
        return result.error() != null ? result.error() : "HTTP " + result.status();
    }

    private static HttpPost formatted(OutgoingCall call) {
        HttpPost post = new HttpPost(call.uri());
        post.setEntity(new ByteArrayEntity(call.body().getBytes(StandardCharsets.UTF_8),
                ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return post;
    }

    private HttpPost request(ClaimedDelivery delivery, URI uri, Instant at) {
        long timestamp = at.getEpochSecond();
        List<String> secrets = new ArrayList<>();
        secrets.add(sealing.open(WebhookSigner.purpose(delivery.subscriptionId()), delivery.secretSealed()));
        if (delivery.previousSecretSealed() != null && delivery.previousSecretUntil() != null
                && at.isBefore(delivery.previousSecretUntil())) {
            secrets.add(sealing.open(WebhookSigner.purpose(delivery.subscriptionId()), delivery.previousSecretSealed()));
        }
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(delivery.body().getBytes(StandardCharsets.UTF_8),
                ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        post.setHeader(WebhookHeaders.EVENT_ID, delivery.eventId());
        post.setHeader(WebhookHeaders.EVENT_TYPE, delivery.eventType());
        post.setHeader(WebhookHeaders.DELIVERY_ID, String.valueOf(delivery.id()));
        post.setHeader(WebhookHeaders.ATTEMPT, String.valueOf(delivery.attempts() + 1));
        post.setHeader(WebhookHeaders.TIMESTAMP, String.valueOf(timestamp));
        post.setHeader(WebhookHeaders.SIGNATURE, WebhookSigner.header(secrets, timestamp, delivery.body()));
        return post;
    }

    /** The start of the answer, up to {@code keepBytes}; a longer answer is cut and its connection not reused. */
    private static String start(HttpEntity entity, int keepBytes) throws IOException {
        if (entity == null) {
            return null;
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(keepBytes + 1);
            String text = new String(bytes, 0, Math.min(bytes.length, keepBytes), StandardCharsets.UTF_8);
            return bytes.length > keepBytes ? text + "…" : text;
        }
    }

    private String describe(IOException e, boolean cancelled) {
        if (cancelled || e instanceof InterruptedIOException) {
            return "timeout: no complete answer within " + timeout.toMillis() + " ms";
        }
        if (e instanceof RefusingDnsResolver.InternalAddressException) {
            return "refused: the host resolves to an internal address the organisation did not allow";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getClass().getSimpleName();
        }
        if (e instanceof NoHttpResponseException) {
            return "no HTTP answer";
        }
        return "I/O error: " + e.getClass().getSimpleName();
    }

    private static int elapsed(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }

    private static CloseableHttpClient client(DnsResolver resolver, WebhookSettings settings) {
        Timeout timeout = Timeout.of(settings.deliveryTimeout());
        int connections = Math.max(settings.deliveryConcurrency(), 1);
        var connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout).setTcpNoDelay(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                        .setSocketTimeout(timeout).setTimeToLive(TimeValue.ofMinutes(1)).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        guarded.close();
        trusted.close();
    }
}
