package hk.lantau.messaging.internal.realtime;

/** Whose stream a connection carries, and the sign-in session it was opened with. */
record StreamPerson(long tenantId, String userId, String sessionId) {

    StreamKey key() {
        return new StreamKey(tenantId, userId);
    }

    @Override
    public String toString() {
        return "user:" + userId + "@" + tenantId;
    }
}
