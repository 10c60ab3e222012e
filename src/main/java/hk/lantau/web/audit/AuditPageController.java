package hk.lantau.web.audit;

import hk.lantau.compliance.AuditEntry;
import hk.lantau.compliance.AuditQuery;
import hk.lantau.compliance.AuditRecords;
import hk.lantau.compliance.AuditVerification;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.CursorPage;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organisation's audit trail, newest first, with filters by action, actor, target and time.
 * Times are typed and shown in the organisation's zone. Exports go to the audit API, which
 * records each export in the trail.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditRecords records;
    private final AuditVerification verification;
    private final Organisations organisations;
    private final PageMessages messages;

    AuditPageController(AuditRecords records, AuditVerification verification, Organisations organisations,
                        PageMessages messages) {
        this.records = records;
        this.verification = verification;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping
    String list(@ModelAttribute AuditFilter filter, @RequestParam(required = false) String cursor,
                HttpServletResponse response, Model model) {
        Actor actor = CurrentActor.require(Permission.AUDIT_READ);
        long tenantId = actor.requireTenant();
        ZoneId zone = organisations.get(tenantId).timeZone();
        model.addAttribute("filter", filter);
        model.addAttribute("firstPage", cursor == null);
        model.addAttribute("canExport", actor.can(Permission.AUDIT_EXPORT));
        try {
            AuditQuery query = filter.toQuery(zone);
            CursorPage<AuditEntry> page = records.page(tenantId, query, cursor, PAGE_SIZE);
            model.addAttribute("page", page);
            model.addAttribute("exportCsv", exportUrl("csv", query, zone));
            model.addAttribute("exportJson", exportUrl("json", query, zone));
            model.addAttribute("errors", FormErrors.NONE);
        } catch (LantauException e) {
            response.setStatus(e.status().value());
            model.addAttribute("page", new CursorPage<AuditEntry>(List.of(), null));
            model.addAttribute("errors", FormErrors.of(e, messages, "from", "to"));
        }
        return "audit/audit";
    }

    /** Recomputes the chain's hashes on request: this reads every record, so it is not done on each visit. */
    @GetMapping("/verify")
    String verify(Model model) {
        long tenantId = CurrentActor.require(Permission.AUDIT_READ).requireTenant();
        model.addAttribute("verification", verification.verify(tenantId));
        return "audit/audit :: verification";
    }

    /** The audit API's export with the same filters, times as ISO-8601 with the zone's offset. */
    private static String exportUrl(String format, AuditQuery query, ZoneId zone) {
        return UriComponentsBuilder.fromPath("/api/v1/audit/export")
                .queryParam("format", format)
                .queryParamIfPresent("action", Optional.ofNullable(query.actionPrefix()))
                .queryParamIfPresent("actor", Optional.ofNullable(query.actorReference()))
                .queryParamIfPresent("targetType", Optional.ofNullable(query.targetType()))
                .queryParamIfPresent("targetId", Optional.ofNullable(query.targetId()))
                .queryParamIfPresent("from", Optional.ofNullable(query.from()).map(i -> iso(i, zone)))
                .queryParamIfPresent("to", Optional.ofNullable(query.to()).map(i -> iso(i, zone)))
                .encode().build().toUriString();
    }

    private static String iso(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }

    /**
     * The filter form as typed: times are local to the organisation's zone, {@code to} is inclusive
     * of its minute.
     */
    record AuditFilter(String action, String actor, String targetType, String targetId, String from, String to) {

        AuditQuery toQuery(ZoneId zone) {
            Instant start = time("from", from, zone);
            Instant end = time("to", to, zone);
            return new AuditQuery(clean(action), clean(actor), clean(targetType), clean(targetId), start,
                    end == null ? null : end.plus(1, ChronoUnit.MINUTES));
        }

        public boolean isEmpty() {
            return clean(action) == null && clean(actor) == null && clean(targetType) == null
                    && clean(targetId) == null && clean(from) == null && clean(to) == null;
        }

        private static Instant time(String field, String value, ZoneId zone) {
            if (clean(value) == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw LantauException.invalidField(field, "compliance.time_invalid",
                        "Enter a date and time such as 2026-03-02 09:30.");
            }
        }

        private static String clean(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
