package hk.lantau.forms;

/** A round takes answers while OPEN; a PURGED round has lost its answers and keeps its counts. */
public enum RoundStatus {
    OPEN,
    CLOSED,
    PURGED
}
