package hk.lantau.messaging;

import java.time.Instant;

/**
 * One delivery of a DING to one person through one channel. {@code step} 0 is the DING itself,
 * then 1, 2... for each reminder. {@code detail} says why an attempt failed; never an address.
 */
public record DingAttempt(String userId, int step, Channel channel, Outcome outcome, String detail,
                          Instant createdAt, Instant finishedAt) {

    public enum Channel { IN_APP, EMAIL, SMS }

    /**
     * PENDING until tried; DELIVERED into the person's in-app stream; SENT when the mail server or SMS
     * gateway accepted it; FAILED with a reason; NOT_CONFIGURED when the installation has no mail
     * server or gateway; NO_ADDRESS when the person has no e-mail or mobile; SKIPPED when the person
     * confirmed, left, or the DING was cancelled before it was tried.
     */
    public enum Outcome { PENDING, DELIVERED, SENT, FAILED, NOT_CONFIGURED, NO_ADDRESS, SKIPPED }
}
