package hk.lantau.openplatform;

import hk.lantau.shared.CursorPage;

/** The record of every API call apps made, kept for {@code lantau.openplatform.access-log-retention}. */
public interface AccessLog {

    int MAX_PAGE_SIZE = 200;

    /**
     * One app's calls, newest first. {@code cursor} is the {@code nextCursor} of the previous page,
     * or {@code null}. Access checks are the caller's.
     *
     * @throws hk.lantau.shared.LantauException 404 {@code openplatform.app_not_found} for an app not in
     *                                          this organisation; 400 for a bad cursor or limit
     */
    CursorPage<AccessLogEntry> page(long tenantId, long appId, AccessLogQuery query, String cursor, int limit);
}
