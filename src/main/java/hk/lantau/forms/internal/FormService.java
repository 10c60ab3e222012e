package hk.lantau.forms.internal;

import hk.lantau.approval.FormRules;
import hk.lantau.approval.FormValue;
import hk.lantau.approval.InstanceView.SubmittedValue;
import hk.lantau.forms.FormDefinition;
import hk.lantau.forms.FormPreset;
import hk.lantau.forms.FormStatus;
import hk.lantau.forms.FormView;
import hk.lantau.forms.MyRound;
import hk.lantau.forms.RoundExport;
import hk.lantau.forms.RoundStatus;
import hk.lantau.forms.RoundSummary;
import hk.lantau.forms.RoundView;
import hk.lantau.forms.SmartForms;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FormService implements SmartForms {

    private final FormRepository forms;
    private final RoundRepository rounds;
    private final AnswerRepository answers;
    private final DefinitionCheck definitions;
    private final FormRules rules;
    private final NextRound nextRound;
    private final Summaries summaries;
    private final RoundExports exports;
    private final FormsAudit audit;
    private final Organisations organisations;
    private final Clock clock;

    FormService(FormRepository forms, RoundRepository rounds, AnswerRepository answers, DefinitionCheck definitions,
                FormRules rules, NextRound nextRound, Summaries summaries, RoundExports exports,
                FormsAudit audit, Organisations organisations, Clock clock) {
        this.forms = forms;
        this.rounds = rounds;
        this.answers = answers;
        this.definitions = definitions;
        this.rules = rules;
        this.nextRound = nextRound;
        this.summaries = summaries;
        this.exports = exports;
        this.audit = audit;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<FormView> list(long tenantId, boolean includeArchived) {
        CurrentActor.require(Permission.FORMS_READ);
        return forms.list(tenantId, includeArchived).stream().map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public FormView get(long tenantId, long formId) {
        CurrentActor.require(Permission.FORMS_READ);
        return view(form(tenantId, formId));
    }

    @Override
    @Transactional
    public FormView create(long tenantId, FormDefinition definition) {
        Actor actor = CurrentActor.require(Permission.FORMS_MANAGE);
        Instant now = now();
        FormDefinition d = definitions.check(tenantId, definition, zone(tenantId), now);
        long id = forms.insert(tenantId, d, actor.userId() == null ? actor.name() : actor.userId(), now);
        audit.record(tenantId, "forms.form.created", id, described(d));
        return view(form(tenantId, id));
    }

    @Override
    @Transactional
    public FormView update(long tenantId, long formId, FormDefinition definition) {
        CurrentActor.require(Permission.FORMS_MANAGE);
        FormRow current = forms.lock(tenantId, formId).orElseThrow(FormService::formNotFound);
        if (current.status() == FormStatus.ARCHIVED) {
            throw LantauException.conflict("forms.form_archived", "An archived form cannot be changed.");
        }
        Instant now = now();
        FormDefinition d = definitions.check(tenantId, definition, zone(tenantId), now);
        forms.update(tenantId, formId, d, !Objects.equals(d.schedule(), current.schedule()), now);
        audit.record(tenantId, "forms.form.updated", formId, described(d));
        return view(form(tenantId, formId));
    }

    @Override
    @Transactional
    public FormView archive(long tenantId, long formId) {
        CurrentActor.require(Permission.FORMS_MANAGE);
        FormRow current = forms.lock(tenantId, formId).orElseThrow(FormService::formNotFound);
        if (current.status() == FormStatus.ACTIVE) {
            Instant now = now();
            forms.archive(tenantId, formId, now);
            rounds.closeOthers(tenantId, formId, null, now);
            audit.record(tenantId, "forms.form.archived", formId, Map.of("title", current.title()));
        }
        return view(form(tenantId, formId));
    }

    @Override
    public List<FormPreset> presets() {
        CurrentActor.require(Permission.FORMS_MANAGE);
        return List.of(Presets.healthDeclaration());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoundView> rounds(long tenantId, long formId) {
        CurrentActor.require(Permission.FORMS_READ);
        form(tenantId, formId);
        return rounds.ofForm(tenantId, formId).stream().map(summaries::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public RoundSummary summary(long tenantId, long formId, long roundId) {
        CurrentActor.require(Permission.FORMS_READ);
        FormRow form = form(tenantId, formId);
        return summaries.summary(form, round(tenantId, formId, roundId));
    }

    @Override
    @Transactional
    public RoundExport export(long tenantId, long formId, long roundId, String format, boolean bom) {
        CurrentActor.require(Permission.FORMS_READ);
        FormRow form = form(tenantId, formId);
        RoundRow round = round(tenantId, formId, roundId);
        RoundExport file = exports.export(form, round, format, bom, zone(tenantId));
        audit.record(tenantId, "forms.round.exported", roundId, Map.of("formId", formId, "format", format,
                "answers", round.submitted()));
        return file;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RoundView> myOpenRounds(long tenantId) {
        return rounds.openFor(tenantId, person()).stream().map(RoundRow::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public MyRound myRound(long tenantId, long roundId) {
        String userId = person();
        return mine(mineRound(tenantId, roundId, userId), userId);
    }

    @Override
    @Transactional
    public MyRound answer(long tenantId, long roundId, List<FormValue> values) {
        String userId = person();
        RoundRow round = openRound(tenantId, roundId, userId);
        if (answers.find(tenantId, roundId, userId).isPresent()) {
            throw LantauException.conflict("forms.already_answered",
                    "You have answered this round; change your answer instead.");
        }
        List<SubmittedValue> read = rules.read(round.form(), values);
        answers.insert(tenantId, roundId, userId, read, now());
        audit.record(tenantId, "forms.answer.submitted", roundId, Map.of("formId", round.formId(), "userId", userId));
        return mine(round, userId);
    }

    @Override
    @Transactional
    public MyRound changeAnswer(long tenantId, long roundId, List<FormValue> values) {
        String userId = person();
        RoundRow round = openRound(tenantId, roundId, userId);
        if (answers.find(tenantId, roundId, userId).isEmpty()) {
            throw LantauException.notFound("forms.answer_not_found", "You have not answered this round yet.");
        }
        List<SubmittedValue> read = rules.read(round.form(), values);
        answers.update(tenantId, roundId, userId, read, now());
        audit.record(tenantId, "forms.answer.changed", roundId, Map.of("formId", round.formId(), "userId", userId));
        return mine(round, userId);
    }

    /** The round, locked and open, asking the person. */
    private RoundRow openRound(long tenantId, long roundId, String userId) {
        RoundRow round = mineRound(tenantId, roundId, userId);
        if (rounds.lockStatus(roundId) != RoundStatus.OPEN) {
            throw LantauException.conflict("forms.round_closed", "This round is closed and takes no more answers.");
        }
        return round;
    }

    private RoundRow mineRound(long tenantId, long roundId, String userId) {
        return rounds.findFor(tenantId, roundId, userId).orElseThrow(FormService::roundNotFound);
    }

    private MyRound mine(RoundRow round, String userId) {
        FormRow form = form(round.tenantId(), round.formId());
        var answer = answers.find(round.tenantId(), round.id(), userId);
        RoundRow fresh = rounds.findFor(round.tenantId(), round.id(), userId).orElse(round);
        return new MyRound(fresh.view(), form.description(), fresh.form(), form.anonymous(),
                answer.map(AnswerRepository.AnswerRow::submittedAt).orElse(null),
                answer.map(AnswerRepository.AnswerRow::values).orElse(List.of()));
    }

    private static String person() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER || actor.userId() == null) {
            throw LantauException.forbidden("forms.people_only", "Only people answer forms.");
        }
        return actor.userId();
    }

    private FormView view(FormRow f) {
        return new FormView(f.id(), f.title(), f.description(), f.form(), f.audience(), f.schedule(), f.retentionDays(),
                f.anonymous(), f.status(), f.status() == FormStatus.ACTIVE ? nextRound.after(f, now()) : null,
                f.createdBy(), f.createdAt(), f.updatedAt());
    }

    private FormRow form(long tenantId, long formId) {
        return forms.find(tenantId, formId).orElseThrow(FormService::formNotFound);
    }

    private RoundRow round(long tenantId, long formId, long roundId) {
        return rounds.find(tenantId, formId, roundId).orElseThrow(FormService::roundNotFound);
    }

    private static Map<String, Object> described(FormDefinition d) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", d.title());
        changes.put("components", d.form().size());
        changes.put("schedule", d.schedule().kind().name() + " " + d.schedule().time());
        changes.put("people", d.audience().userIds().size());
        changes.put("departments", d.audience().departmentIds());
        changes.put("retentionDays", d.retentionDays());
        changes.put("anonymous", d.anonymous());
        return changes;
    }

    private ZoneId zone(long tenantId) {
        return organisations.get(tenantId).timeZone();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static LantauException formNotFound() {
        return LantauException.notFound("forms.form_not_found", "No such form.");
    }

    static LantauException roundNotFound() {
        return LantauException.notFound("forms.round_not_found", "No such round.");
    }
}
