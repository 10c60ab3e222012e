package hk.lantau.directory;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.shared.CursorPage;

/**
 * People of one organisation with their full profile. People of other organisations are "not
 * found". Protected fields are returned masked; {@link #reveal} is the audited way to see one.
 */
public interface Users {

    UserProfile get(long tenantId, String userId);

    CursorPage<UserProfile> search(long tenantId, UserQuery query, String cursor, int limit);

    UserProfile create(long tenantId, NewUser user);

    UserProfile change(long tenantId, String userId, UserChange change);

    UserProfile suspend(long tenantId, String userId);

    UserProfile reactivate(long tenantId, String userId);

    /** Marks the person as having left: ends memberships and role grants, frees e-mail and mobile. */
    UserProfile leave(long tenantId, String userId);

    /**
     * The clear value of one protected field, {@code null} when it is not set. Checks the caller's
     * reveal permission and records the reveal in the audit trail.
     */
    String reveal(long tenantId, String userId, ProtectedField field);
}
