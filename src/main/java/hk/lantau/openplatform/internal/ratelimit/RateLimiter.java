package hk.lantau.openplatform.internal.ratelimit;

/** Takes one call from a bucket of {@code limitPerMinute} calls a minute. */
interface RateLimiter {

    /**
     * @param key the bucket's subject, e.g. {@code app:<appKey>}; a different limit for the same
     *            subject is a different bucket, so a changed limit starts a fresh window
     */
    Decision tryConsume(String key, int limitPerMinute);
}
