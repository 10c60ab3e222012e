package hk.lantau.forms.internal;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Purges a round's answers once its form's retention has passed: with 30 days, a round of
 * 1 March keeps its answers through 31 March and loses them on 1 April (in the organisation's
 * zone). The round keeps how many answered and its figures per question; who answered, who did
 * not, and what each said go, with the audit record in the same transaction.
 */
@Component
public class AnswerRetention {

    private static final Logger log = LoggerFactory.getLogger(AnswerRetention.class);

    private final RoundRepository rounds;
    private final FormRepository forms;
    private final Summaries summaries;
    private final FormsAudit audit;
    private final Organisations organisations;
    private final TransactionOperations tx;
    private final Clock clock;

    AnswerRetention(RoundRepository rounds, FormRepository forms, Summaries summaries, FormsAudit audit,
                 Organisations organisations, TransactionOperations tx, Clock clock) {
        this.rounds = rounds;
        this.forms = forms;
        this.summaries = summaries;
        this.audit = audit;
        this.organisations = organisations;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.forms.retention-cron:0 5 * * * *}", zone = "UTC")
    @SchedulerLock(name = "forms.retention", lockAtMostFor = "PT30M")
    public void run() {
        Instant now = clock.instant();
        int purged = 0;
        for (RoundRow round : rounds.unpurged()) {
            FormRow form = forms.find(round.tenantId(), round.formId()).orElse(null);
            ZoneId zone = organisations.find(round.tenantId()).map(o -> o.timeZone()).orElse(null);
            if (form == null || zone == null) {
                continue;
            }
            LocalDate today = now.atZone(zone).toLocalDate();
            if (today.isAfter(round.date().plusDays(form.retentionDays()))) {
                ActorScope.runAs(Actor.system(round.tenantId(), "forms-retention"), () -> tx.executeWithoutResult(s -> {
                    rounds.purge(round.id(), summaries.kept(round), now);
                    audit.record(round.tenantId(), "forms.round.purged", round.id(), Map.of("formId", round.formId(),
                            "date", round.date().toString(), "answers", round.submitted()));
                }));
                purged++;
            }
        }
        if (purged > 0) {
            log.info("Purged the answers of {} form rounds", purged);
        }
    }
}
