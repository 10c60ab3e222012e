package hk.lantau.openplatform.internal.accesslog;

import hk.lantau.openplatform.AccessLog;
import hk.lantau.openplatform.AccessLogEntry;
import hk.lantau.openplatform.AccessLogQuery;
import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAccessLog implements AccessLog {

    private final Apps apps;
    private final AccessLogRepository repository;

    JdbcAccessLog(Apps apps, AccessLogRepository repository) {
        this.apps = apps;
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<AccessLogEntry> page(long tenantId, long appId, AccessLogQuery query, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw LantauException.invalidField("limit", "openplatform.limit_invalid",
                    "The limit must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        AppView app = apps.find(tenantId, appId).orElseThrow(() -> LantauException.notFound(
                "openplatform.app_not_found", "There is no app " + appId + " in this organisation."));
        List<AccessLogEntry> rows = repository.page(tenantId, app.appKey(), query, after, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        AccessLogEntry last = rows.get(limit - 1);
        return new CursorPage<>(rows.subList(0, limit), new PageCursor(last.occurredAt(), last.id()).encode());
    }
}
