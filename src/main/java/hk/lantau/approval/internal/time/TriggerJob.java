package hk.lantau.approval.internal.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.FormValue;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.NewInstance;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Starts the approvals of trigger rules: for each enabled rule, the active people whose date
 * (contract end, hire anniversary) falls {@code daysBefore} days after a day from the rule's last
 * checked day to today, in the organisation's zone. Each person and date is claimed in
 * {@code apr_trigger_run} in the transaction that starts the instance, so a rerun or another node
 * starts nothing twice; a failed start is recorded on the rule and tried at most
 * {@link #MAX_ATTEMPTS} times. It acts as Lantau inside the organisation, not as a person.
 */
@Component
public class TriggerJob {

    static final int MAX_ATTEMPTS = 3;
    /** Days a stopped job catches up on; older ones are past their purpose. */
    static final int CATCH_UP_DAYS = 31;
    private static final Logger log = LoggerFactory.getLogger(TriggerJob.class);

    private final TriggerRepository rules;
    private final TriggerRuns runs;
    private final ApprovalInstances instances;
    private final Audiences audiences;
    private final Directory directory;
    private final Organisations organisations;
    private final TransactionOperations tx;
    private final ObjectMapper json;
    private final Clock clock;

    TriggerJob(TriggerRepository rules, TriggerRuns runs, ApprovalInstances instances, Audiences audiences,
               Directory directory, Organisations organisations, TransactionOperations tx, ObjectMapper json,
               Clock clock) {
        this.rules = rules;
        this.runs = runs;
        this.instances = instances;
        this.audiences = audiences;
        this.directory = directory;
        this.organisations = organisations;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.approval.trigger-cron:0 */15 * * * *}")
    @SchedulerLock(name = "approval.triggers", lockAtMostFor = "PT30M")
    public void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int started = 0;
        for (TriggerRow rule : rules.enabled()) {
            try {
                started += run(rule, now);
            } catch (RuntimeException e) {
                log.warn("Trigger rule {} of organisation {} could not run: {}", rule.id(), rule.tenantId(),
                        e.toString());
            }
        }
        if (started > 0) {
            log.info("Trigger rules started {} approvals", started);
        }
    }

    private int run(TriggerRow rule, Instant now) {
        Optional<Organisation> org = organisations.find(rule.tenantId())
                .filter(o -> o.status() == Organisation.Status.ACTIVE);
        if (org.isEmpty()) {
            return 0;
        }
        ZoneId zone = org.get().timeZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate from = rule.checkedThrough().isBefore(today.minusDays(CATCH_UP_DAYS))
                ? today.minusDays(CATCH_UP_DAYS) : rule.checkedThrough();
        int started = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            LocalDate date = day.plusDays(rule.daysBefore());
            List<String> subjects = rule.dateField() == TriggerRow.DateField.CONTRACT_END
                    ? audiences.activeWithContractEndingOn(rule.tenantId(), date)
                    : audiences.activeWithHireAnniversaryOn(rule.tenantId(), date);
            for (String subject : subjects) {
                if (fire(rule, subject, date, now)) {
                    started++;
                }
            }
        }
        rules.checkedThrough(rule.tenantId(), rule.id(), today);
        return started;
    }

    /** One person and date: true when this call started the instance. */
    private boolean fire(TriggerRow rule, String subject, LocalDate date, Instant now) {
        long tenantId = rule.tenantId();
        Optional<TriggerRuns.Run> seen = runs.find(tenantId, rule.id(), subject, date);
        if (seen.isPresent() && ("STARTED".equals(seen.get().status()) || seen.get().attempts() >= MAX_ATTEMPTS)) {
            return false;
        }
        try {
            Boolean started = ActorScope.callAs(Actor.system(tenantId, "approval-triggers"), () -> tx.execute(s -> {
                if (!runs.claim(tenantId, rule.id(), subject, date, seen, now)) {
                    return false;
                }
                InstanceView instance = instances.submit(tenantId, submission(rule, subject, date));
                runs.finish(tenantId, rule.id(), subject, date, instance.instanceId(), null, now);
                rules.started(tenantId, rule.id(), instance.instanceId(), now);
                return true;
            }));
            return Boolean.TRUE.equals(started);
        } catch (LantauException e) {
            failed(rule, subject, date, e.code(), e.getMessage(), now);
        } catch (RuntimeException e) {
            log.warn("Trigger rule {} could not start for a person: {}", rule.id(), e.toString());
            failed(rule, subject, date, "approval.trigger_failed", "The approval could not be started.", now);
        }
        return false;
    }

    private void failed(TriggerRow rule, String subject, LocalDate date, String code, String message, Instant now) {
        tx.executeWithoutResult(s -> {
            runs.recordFailure(rule.tenantId(), rule.id(), subject, date, code, now);
            rules.failed(rule.tenantId(), rule.id(), subject, code, message, now);
        });
    }

    private NewInstance submission(TriggerRow rule, String subject, LocalDate date) {
        List<FormValue> values = new ArrayList<>();
        values.add(new FormValue(rule.subjectField(), null, contacts(subject), null));
        rule.fixedValues().forEach((id, value) -> values.add(new FormValue(id, null, value, null)));
        // The same person, date and rule always make the same request id: the engine's own guard
        // against starting one submission twice backs up the run row.
        String requestId = "trigger-" + Tokens.sha256Hex(rule.id() + "|" + subject + "|" + date).substring(0, 40);
        return new NewInstance(rule.processCode(), originator(rule, subject), null, values, null, null, requestId);
    }

    private String originator(TriggerRow rule, String subject) {
        return switch (rule.originator()) {
            case SUBJECT -> subject;
            case USER -> rule.originatorUserId();
            case MANAGER -> directory.findUser(rule.tenantId(), subject).map(DirectoryUser::managerUserId)
                    .filter(m -> !m.isBlank())
                    .orElseThrow(() -> LantauException.invalid("approval.trigger_no_manager",
                            "The person has no manager to submit the approval."));
        };
    }

    private String contacts(String userId) {
        try {
            return json.writeValueAsString(List.of(userId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
