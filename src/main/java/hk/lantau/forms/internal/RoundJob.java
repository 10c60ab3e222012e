package hk.lantau.forms.internal;

import hk.lantau.directory.Audiences;
import hk.lantau.directory.PersonSummary;
import hk.lantau.directory.UserStatus;
import hk.lantau.forms.FormAudience;
import hk.lantau.forms.FormSchedule;
import hk.lantau.forms.FormStatus;
import hk.lantau.forms.ScheduleKind;
import hk.lantau.messaging.SystemNotices;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Opens each active form's round when its time comes in the organisation's zone, asking the
 * audience as it is then and telling them through a work notice, closes the round before it, and
 * reminds those who have not answered at the form's reminder times. A round is claimed by its
 * unique occurrence, a reminder by moving the round's count, each in the transaction of its
 * notices, so two nodes or two runs act once. An opening or reminder missed by more than
 * {@link #GRACE} is skipped rather than sent out of season.
 */
@Component
public class RoundJob {

    static final Duration GRACE = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(RoundJob.class);
    private static final int PAGE = 500;

    private final FormRepository forms;
    private final RoundRepository rounds;
    private final Audiences audiences;
    private final WorkingDays workingDays;
    private final SystemNotices notices;
    private final RoundNotice notice;
    private final FormsJson json;
    private final FormsAudit audit;
    private final Organisations organisations;
    private final TransactionOperations tx;
    private final Clock clock;

    RoundJob(FormRepository forms, RoundRepository rounds, Audiences audiences, WorkingDays workingDays,
             SystemNotices notices, RoundNotice notice, FormsJson json, FormsAudit audit, Organisations organisations,
             TransactionOperations tx, Clock clock) {
        this.forms = forms;
        this.rounds = rounds;
        this.audiences = audiences;
        this.workingDays = workingDays;
        this.notices = notices;
        this.notice = notice;
        this.json = json;
        this.audit = audit;
        this.organisations = organisations;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantau.forms.round-cron:0 * * * * *}", zone = "UTC")
    @SchedulerLock(name = "forms.rounds", lockAtMostFor = "PT30M")
    public void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int opened = 0;
        for (FormRow form : forms.active()) {
            opened += attempt(form.tenantId(), "opening a round of form " + form.id(), () -> open(form.tenantId(),
                    form.id(), now));
        }
        for (RoundRow round : rounds.allOpen()) {
            attempt(round.tenantId(), "reminding round " + round.id(), () -> remind(round, now));
        }
        if (opened > 0) {
            log.info("Opened {} form rounds", opened);
        }
    }

    private int attempt(long tenantId, String what, Supplier<Integer> work) {
        try {
            Integer done = ActorScope.callAs(Actor.system(tenantId, "forms"), () -> tx.execute(status -> work.get()));
            return done == null ? 0 : done;
        } catch (RuntimeException e) {
            log.warn("Forms: {} (organisation {}) failed: {}", what, tenantId, e.toString());
            return 0;
        }
    }

    private int open(long tenantId, long formId, Instant now) {
        Optional<ZoneId> zone = zone(tenantId);
        FormRow form = forms.lock(tenantId, formId).orElse(null);
        if (zone.isEmpty() || form == null || form.status() != FormStatus.ACTIVE) {
            return 0;
        }
        FormSchedule schedule = form.schedule();
        LocalDate today = now.atZone(zone.get()).toLocalDate();
        LocalDate from = today.minusDays(1);
        Set<LocalDate> holidays = schedule.kind() == ScheduleKind.WORKING_DAYS
                ? workingDays.holidays(tenantId, from, today) : Set.of();
        Optional<LocalDate> day = Occurrences.latest(schedule, from, today, zone.get(), now, holidays)
                .filter(d -> Occurrences.at(schedule, d, zone.get()).isAfter(form.scheduleFrom()))
                .filter(d -> !now.isAfter(Occurrences.at(schedule, d, zone.get()).plus(GRACE)));
        if (day.isEmpty()) {
            return 0;
        }
        Instant at = Occurrences.at(schedule, day.get(), zone.get());
        Optional<Long> opened = rounds.open(tenantId, formId, day.get(), at, form.title(), json.write(form.form()));
        if (opened.isEmpty()) {
            return 0;
        }
        rounds.closeOthers(tenantId, formId, opened.get(), at);
        Map<String, Long> recipients = recipients(tenantId, form.audience());
        rounds.addRecipients(tenantId, opened.get(), recipients);
        RoundRow round = rounds.find(tenantId, formId, opened.get()).orElseThrow();
        notices.notify(tenantId, recipients.keySet(), notice.opened(round));
        audit.record(tenantId, "forms.round.opened", round.id(), Map.of("formId", formId, "date",
                round.date().toString(), "asked", recipients.size()));
        return 1;
    }

    /** The audience's active people, each with their first department. */
    private Map<String, Long> recipients(long tenantId, FormAudience audience) {
        Set<String> userIds = new TreeSet<>();
        audiences.statuses(tenantId, audience.userIds()).forEach((userId, status) -> {
            if (status == UserStatus.ACTIVE) {
                userIds.add(userId);
            }
        });
        if (!audience.departmentIds().isEmpty()) {
            String after = null;
            List<String> page;
            do {
                page = audiences.activeMembers(tenantId, audience.departmentIds(), after, PAGE);
                userIds.addAll(page);
                after = page.isEmpty() ? null : page.get(page.size() - 1);
            } while (page.size() == PAGE);
        }
        Map<String, PersonSummary> people = userIds.isEmpty() ? Map.of()
                : audiences.summaries(tenantId, new ArrayList<>(userIds));
        Map<String, Long> out = new LinkedHashMap<>();
        for (String userId : userIds) {
            PersonSummary p = people.get(userId);
            out.put(userId, p == null || p.departmentIds().isEmpty() ? null : p.departmentIds().get(0));
        }
        return out;
    }

    private int remind(RoundRow round, Instant now) {
        Optional<ZoneId> zone = zone(round.tenantId());
        FormRow form = forms.find(round.tenantId(), round.formId()).orElse(null);
        if (zone.isEmpty() || form == null || form.schedule().reminders().isEmpty()) {
            return 0;
        }
        List<Instant> due = form.schedule().reminders().stream()
                .map(time -> round.date().atTime(time).atZone(zone.get()).toInstant())
                .filter(at -> at.isAfter(round.opensAt()) && !at.isAfter(now)).sorted().toList();
        if (due.size() <= round.remindersSent() || !rounds.claimReminders(round.id(), round.remindersSent(), due.size())) {
            return 0;
        }
        if (now.isAfter(due.get(due.size() - 1).plus(GRACE))) {
            return 0;
        }
        Set<String> pending = rounds.notAnswered(round.tenantId(), round.id()).keySet();
        if (!pending.isEmpty()) {
            notices.notify(round.tenantId(), pending, notice.reminder(round));
        }
        audit.record(round.tenantId(), "forms.round.reminded", round.id(), Map.of("formId", round.formId(),
                "reminded", pending.size()));
        return 1;
    }

    private Optional<ZoneId> zone(long tenantId) {
        return organisations.find(tenantId).filter(o -> o.status() == Organisation.Status.ACTIVE)
                .map(Organisation::timeZone);
    }
}
