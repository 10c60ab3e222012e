package hk.lantau.compliance;

import hk.lantau.shared.CursorPage;
import java.util.function.Consumer;

/** Reads one organisation's audit chain. Access checks are the caller's. */
public interface AuditRecords {

    int MAX_PAGE_SIZE = 200;

    /**
     * Newest first. {@code cursor} is the opaque {@code nextCursor} of the previous page, or {@code null}.
     *
     * @throws hk.lantau.shared.LantauException 400 {@code compliance.cursor_invalid} for a cursor not made here
     */
    CursorPage<AuditEntry> page(long tenantId, AuditQuery query, String cursor, int limit);

    /** Streams every matching record oldest first, without holding them all in memory. */
    void export(long tenantId, AuditQuery query, Consumer<AuditEntry> sink);
}
