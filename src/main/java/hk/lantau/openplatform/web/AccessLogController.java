package hk.lantau.openplatform.web;

import hk.lantau.openplatform.AccessLog;
import hk.lantau.openplatform.AccessLogEntry;
import hk.lantau.openplatform.AccessLogQuery;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.IsoTimes;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calls an app made, for the admins who manage apps. */
@RestController
@PeopleOnly
@Tag(name = "App access log", description = "Every API call an app made, kept for the retention period")
class AccessLogController {

    private static final String TIME_INVALID = "openplatform.time_invalid";

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/apps/{appId}/access-log")
    @Operation(summary = "List an app's API calls, newest first (needs apps.manage)",
            description = "Filters combine with AND. Pass nextCursor as cursor for the next page. Records reach "
                    + "the log a moment (about a second) after the call.")
    CursorPage<AccessLogEntry> list(@PathVariable long appId,
                                    @Parameter(description = "ISO-8601 time with offset, inclusive")
                                    @RequestParam(required = false) String from,
                                    @Parameter(description = "ISO-8601 time with offset, exclusive")
                                    @RequestParam(required = false) String to,
                                    @Parameter(description = "Status class: 2xx, 3xx, 4xx or 5xx")
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String cursor,
                                    @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int limit) {
        long tenantId = CurrentActor.require(Permission.APPS_MANAGE).requireTenant();
        AccessLogQuery query = new AccessLogQuery(IsoTimes.parse("from", from, TIME_INVALID), IsoTimes.parse("to", to, TIME_INVALID),
                AccessLogQuery.statusClass(status));
        return accessLog.page(tenantId, appId, query, cursor == null || cursor.isBlank() ? null : cursor, limit);
    }

}
