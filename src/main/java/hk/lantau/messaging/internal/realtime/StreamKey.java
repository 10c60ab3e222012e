package hk.lantau.messaging.internal.realtime;

/** One person's stream: the key connections are found by when an event arrives. */
record StreamKey(long tenantId, String userId) {
}
