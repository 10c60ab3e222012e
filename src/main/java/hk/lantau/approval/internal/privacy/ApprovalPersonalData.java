package hk.lantau.approval.internal.privacy;

import hk.lantau.shared.PersonalDataContributor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvals' part of a data-access request and of an erasure (docs/approvals.md, Privacy). An
 * approval is the organisation's record of a decision, so erasure keeps its skeleton (who decided
 * what, when) and removes what is only the person's: uploads nobody used, comment texts, being
 * copied, and, once an approval they submitted ended longer ago than the form retention, its form.
 */
@Component
class ApprovalPersonalData implements PersonalDataContributor {

    private final ApprovalExport exports;
    private final ApprovalErasure erasure;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration formRetention;

    ApprovalPersonalData(ApprovalExport exports, ApprovalErasure erasure, ApplicationEventPublisher events,
                         Clock clock, @Value("${lantau.approval.erasure.form-retention:2557d}") Duration formRetention) {
        if (formRetention.isNegative()) {
            throw new IllegalArgumentException("lantau.approval.erasure.form-retention must not be negative");
        }
        this.exports = exports;
        this.erasure = erasure;
        this.events = events;
        this.clock = clock;
        this.formRetention = formRetention;
    }

    @Override
    public String section() {
        return "approval";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long tenantId, String userId) {
        return exports.export(tenantId, userId);
    }

    @Override
    @Transactional
    public ErasureResult erase(long tenantId, String userId) {
        Instant cutoff = clock.instant().minus(formRetention);
        int uploads = erasure.deleteUnclaimedUploads(tenantId, userId);
        int comments = erasure.emptyComments(tenantId, userId);
        int forms = erasure.emptyOldSubmissions(tenantId, userId, cutoff);
        int files = erasure.deleteUnreferencedFiles(tenantId, userId);
        int copies = erasure.deleteCopies(tenantId, userId);

        int erased = uploads + comments + files + copies;
        if (erased + forms > 0) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("unusedUploadsDeleted", uploads);
            changes.put("commentsEmptied", comments);
            changes.put("submissionFormsEmptied", forms);
            changes.put("filesDeleted", files);
            changes.put("copiesRemoved", copies);
            events.publishEvent(new PrivacyAudit(tenantId, "approval.personal_data.erased", "user", userId, changes));
        }
        return new ErasureResult(section(), erased, forms, retained());
    }

    private Map<String, String> retained() {
        Map<String, String> retained = new LinkedHashMap<>();
        retained.put("decisions", "Their tasks, decisions and the remarks with them stay: they are the "
                + "organisation's record of who approved what, which other people's approvals rest on. The userid "
                + "names no one once the directory erased the profile.");
        retained.put("submissions", "Approvals they submitted keep their form, files and title until they ended "
                + "longer ago than " + formRetention.toDays() + " days (the organisation's record of leave, expenses "
                + "and other decisions); older ones lose them now and show the template's name.");
        retained.put("runningApprovals", "Approvals still running keep everything, and tasks still waiting for "
                + "them stay theirs, until the organisation withdraws, terminates or transfers them.");
        retained.put("history", "Each approval's history keeps that they submitted, commented or were copied, "
                + "with the time, so the record of the other people's steps stays whole.");
        retained.put("othersRecords", "Other people's comments, remarks and form values that mention them are "
                + "those people's records and stay.");
        return retained;
    }
}
