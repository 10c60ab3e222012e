package hk.lantau.forms;

/** An archived form opens no more rounds and cannot be changed; its rounds stay readable. */
public enum FormStatus {
    ACTIVE,
    ARCHIVED
}
