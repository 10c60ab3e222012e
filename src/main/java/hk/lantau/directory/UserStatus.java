package hk.lantau.directory;

/** A person's lifecycle: suspended people cannot sign in; people who left keep only their records. */
public enum UserStatus {
    ACTIVE, SUSPENDED, LEFT
}
