package hk.lantau.messaging;

/**
 * How far delivery of a notification has come, as DingTalk reports it: {@code status} 0 not
 * started, 1 running, 2 done; {@code percent} of the people to reach who have been handled.
 */
public record SendProgress(int status, int percent) {

    public static final int NOT_STARTED = 0;
    public static final int RUNNING = 1;
    public static final int DONE = 2;
}
