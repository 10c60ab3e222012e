package hk.lantau.messaging.internal.ding;

import hk.lantau.messaging.DingAttempt;

/** What became of one e-mail or SMS: its outcome and, when it did not go out, why (never an address). */
record Delivery(DingAttempt.Outcome outcome, String detail) {

    static Delivery sent() {
        return new Delivery(DingAttempt.Outcome.SENT, null);
    }

    static Delivery failed(String why) {
        return new Delivery(DingAttempt.Outcome.FAILED, why);
    }

    static Delivery notConfigured(String why) {
        return new Delivery(DingAttempt.Outcome.NOT_CONFIGURED, why);
    }
}
