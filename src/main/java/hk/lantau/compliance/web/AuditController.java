package hk.lantau.compliance.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compliance.AuditEntry;
import hk.lantau.compliance.AuditQuery;
import hk.lantau.compliance.AuditRecords;
import hk.lantau.compliance.AuditTrail;
import hk.lantau.compliance.AuditVerification;
import hk.lantau.compliance.ChainVerification;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.IsoTimes;
import hk.lantau.shared.Permission;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's organisation's audit trail: reading, verifying and exporting it. */
@RestController
@RequiresScope(Scope.AUDIT_READ)
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail", description = "The organisation's tamper-evident record of administrative and data-access "
        + "actions")
class AuditController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final AuditRecords records;
    private final AuditVerification verification;
    private final AuditTrail trail;
    private final AuditExportWriter writer;
    private final Clock clock;

    AuditController(AuditRecords records, AuditVerification verification, AuditTrail trail, ObjectMapper json,
                    Clock clock) {
        this.records = records;
        this.verification = verification;
        this.trail = trail;
        this.writer = new AuditExportWriter(json);
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List audit records, newest first (needs audit.read)",
            description = "Filters combine with AND. Pass nextCursor as cursor for the next page.")
    AuditPage list(@Parameter(description = "Action prefix, e.g. directory.user.") @RequestParam(required = false)
                   String action,
                   @Parameter(description = "Actor reference, e.g. user:mchan") @RequestParam(required = false)
                   String actor,
                   @RequestParam(required = false) String targetType,
                   @RequestParam(required = false) String targetId,
                   @Parameter(description = "ISO-8601 time with offset, inclusive") @RequestParam(required = false)
                   String from,
                   @Parameter(description = "ISO-8601 time with offset, exclusive") @RequestParam(required = false)
                   String to,
                   @RequestParam(required = false) String cursor,
                   @Parameter(description = "1 to 200") @RequestParam(defaultValue = "50") int limit) {
        long tenantId = CurrentActor.require(Permission.AUDIT_READ).requireTenant();
        CursorPage<AuditEntry> page = records.page(tenantId, query(action, actor, targetType, targetId, from, to),
                cursor, limit);
        return new AuditPage(page.items().stream().map(writer::view).toList(), page.nextCursor());
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the organisation's audit chain (needs audit.read)",
            description = "Recomputes every record's hash; reports the first changed, deleted or reordered record.")
    ChainVerification verify() {
        long tenantId = CurrentActor.require(Permission.AUDIT_READ).requireTenant();
        return verification.verify(tenantId);
    }

    @GetMapping("/export")
    @Operation(summary = "Download matching audit records, oldest first, as CSV or a JSON array (needs audit.export)")
    void export(@RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) String actor,
                @RequestParam(required = false) String targetType,
                @RequestParam(required = false) String targetId,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        long tenantId = CurrentActor.require(Permission.AUDIT_EXPORT).requireTenant();
        AuditExportWriter.Format kind = AuditExportWriter.Format.of(format);
        AuditQuery query = query(action, actor, targetType, targetId, from, to);
        trail.record(new AuditExported(tenantId, kind.name().toLowerCase(), query));
        String fileName = "audit-" + tenantId + "-" + FILE_TIME.format(clock.instant()) + "." + kind.extension();
        response.setContentType(kind.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        writer.write(kind, response.getOutputStream(), sink -> records.export(tenantId, query, sink));
    }

    private static AuditQuery query(String action, String actor, String targetType, String targetId, String from,
                                    String to) {
        return new AuditQuery(blankToNull(action), blankToNull(actor), blankToNull(targetType),
                blankToNull(targetId), time("from", from), time("to", to));
    }

    private static Instant time(String field, String value) {
        return IsoTimes.parse(field, value, "compliance.time_invalid");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record AuditPage(List<AuditExportWriter.RecordView> items, String nextCursor) {
    }
}
