package hk.lantau.openplatform;

import java.util.List;

/**
 * An app's secrets: listing, rotating and revoking them. Same rules as {@link AppAdministration}:
 * {@code apps.manage}, 404 across organisations, audited.
 */
public interface AppSecrets {

    int DEFAULT_GRACE_DAYS = 7;
    int MAX_GRACE_DAYS = 30;

    /** Newest first. */
    List<AppSecret> list(long tenantId, long appId);

    /**
     * Issues a new secret. The app's current secrets keep working for {@code graceDays} more days
     * ({@link #DEFAULT_GRACE_DAYS} when {@code null}, 0 stops them now), so its deployments can move over.
     */
    IssuedSecret issue(long tenantId, long appId, Integer graceDays);

    /** Stops one secret and every token granted with it. */
    AppSecret revoke(long tenantId, long appId, long secretId);
}
