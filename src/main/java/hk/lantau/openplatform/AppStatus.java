package hk.lantau.openplatform;

/** An app is active, or disabled by an admin (its tokens stop working and no new ones are granted). */
public enum AppStatus {
    ACTIVE, DISABLED
}
