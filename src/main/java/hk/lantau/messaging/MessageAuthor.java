package hk.lantau.messaging;

/**
 * Who wrote a message: a person (by directory userid), a group robot, an app (by app key) or
 * Lantau itself. {@code name} is what readers see.
 */
public record MessageAuthor(Kind kind, String id, String name) {

    public enum Kind { USER, ROBOT, APP, SYSTEM }
}
