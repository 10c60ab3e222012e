package hk.lantau.openplatform.internal.events;

/** The headers of a delivery, as docs/webhooks.md describes them. */
final class WebhookHeaders {

    static final String EVENT_ID = "Lantau-Event-Id";
    static final String EVENT_TYPE = "Lantau-Event-Type";
    static final String DELIVERY_ID = "Lantau-Delivery-Id";
    static final String ATTEMPT = "Lantau-Delivery-Attempt";
    static final String TIMESTAMP = "Lantau-Timestamp";
    static final String SIGNATURE = "Lantau-Signature";

    private WebhookHeaders() {
    }
}
