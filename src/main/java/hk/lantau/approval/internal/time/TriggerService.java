package hk.lantau.approval.internal.time;

import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.ApprovalTriggerChanged;
import hk.lantau.approval.ApprovalTriggers;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.TemplateView;
import hk.lantau.approval.TriggerRule;
import hk.lantau.approval.TriggerRuleView;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.UserStatus;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TriggerService implements ApprovalTriggers {

    static final int MAX_RULES = 50;
    static final int MAX_FIXED_VALUES = 50;
    static final int MAX_VALUE_LENGTH = 2000;

    private final TriggerRepository rules;
    private final ApprovalTemplates templates;
    private final Audiences audiences;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TriggerService(TriggerRepository rules, ApprovalTemplates templates, Audiences audiences,
                   Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.templates = templates;
        this.audiences = audiences;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TriggerRuleView> list(long tenantId) {
        CurrentActor.require(Permission.APPROVAL_MANAGE);
        return rules.list(tenantId).stream().map(TriggerService::view).toList();
    }

    @Override
    @Transactional
    public TriggerRuleView create(long tenantId, TriggerRule rule) {
        Actor actor = CurrentActor.require(Permission.APPROVAL_MANAGE);
        TriggerRow valid = validate(tenantId, rule);
        if (rules.list(tenantId).size() >= MAX_RULES) {
            throw LantauException.conflict("approval.trigger_limit",
                    "An organisation has at most " + MAX_RULES + " trigger rules.");
        }
        LocalDate today = clock.instant().atZone(organisations.get(tenantId).timeZone()).toLocalDate();
        long id = rules.insert(tenantId, valid, today, actor.reference(), clock.instant());
        events.publishEvent(new ApprovalTriggerChanged(tenantId, id, "created", details(valid)));
        return view(rules.find(tenantId, id).orElseThrow());
    }

    @Override
    @Transactional(readOnly = true)
    public TriggerRuleView get(long tenantId, long ruleId) {
        CurrentActor.require(Permission.APPROVAL_MANAGE);
        return view(find(tenantId, ruleId));
    }

    @Override
    @Transactional
    public TriggerRuleView update(long tenantId, long ruleId, TriggerRule rule) {
        CurrentActor.require(Permission.APPROVAL_MANAGE);
        find(tenantId, ruleId);
        TriggerRow valid = validate(tenantId, rule);
        rules.update(tenantId, ruleId, valid, clock.instant());
        events.publishEvent(new ApprovalTriggerChanged(tenantId, ruleId, "updated", details(valid)));
        return view(find(tenantId, ruleId));
    }

    @Override
    @Transactional
    public void delete(long tenantId, long ruleId) {
        CurrentActor.require(Permission.APPROVAL_MANAGE);
        TriggerRow existing = find(tenantId, ruleId);
        rules.delete(tenantId, ruleId);
        events.publishEvent(new ApprovalTriggerChanged(tenantId, ruleId, "deleted",
                Map.of("name", existing.name(), "processCode", existing.processCode())));
    }

    private TriggerRow find(long tenantId, long ruleId) {
        return rules.find(tenantId, ruleId).orElseThrow(() ->
                LantauException.notFound("approval.trigger_not_found", "No such trigger rule."));
    }

    private TriggerRow validate(long tenantId, TriggerRule rule) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = rule.name() == null ? "" : rule.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            violations.add(new FieldViolation("name", "approval.trigger_name_invalid",
                    "A trigger rule needs a name of 1 to 100 characters."));
        }
        TriggerRow.DateField dateField = parse(TriggerRow.DateField::valueOf, rule.dateField());
        if (dateField == null) {
            violations.add(new FieldViolation("dateField", "approval.trigger_date_field_invalid",
                    "The date is CONTRACT_END or HIRE_ANNIVERSARY."));
        }
        int days = rule.daysBefore() == null ? 0 : rule.daysBefore();
        if (days < 1 || days > 365) {
            violations.add(new FieldViolation("daysBefore", "approval.trigger_days_invalid",
                    "Days before is a whole number from 1 to 365."));
        }
        TriggerRow.Originator originator = parse(TriggerRow.Originator::valueOf, rule.originator());
        String originatorUserId = null;
        if (originator == null) {
            violations.add(new FieldViolation("originator", "approval.trigger_originator_invalid",
                    "The originator is SUBJECT, MANAGER or USER."));
        } else if (originator == TriggerRow.Originator.USER) {
            originatorUserId = rule.originatorUserId() == null ? "" : rule.originatorUserId().strip();
            if (audiences.statuses(tenantId, List.of(originatorUserId)).get(originatorUserId) != UserStatus.ACTIVE) {
                violations.add(new FieldViolation("originatorUserId", "approval.trigger_originator_user_invalid",
                        "The originator must be an active person of the organisation."));
            }
        }
        String processCode = rule.processCode() == null ? "" : rule.processCode().strip();
        Optional<TemplateView> template = template(tenantId, processCode);
        String subjectField = rule.subjectField() == null ? "" : rule.subjectField().strip();
        if (template.isEmpty()) {
            violations.add(new FieldViolation("processCode", "approval.trigger_template_unknown",
                    "No such approval template."));
        } else {
            formViolations(template.get(), subjectField, rule.fixedValues(), violations);
        }
        if (!violations.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "approval.trigger_invalid",
                    "The trigger rule is not valid.", violations);
        }
        return new TriggerRow(0, tenantId, name, processCode, dateField, days, originator, originatorUserId,
                subjectField, rule.fixedValues(), !Boolean.FALSE.equals(rule.enabled()), null, null, null, null, null,
                null, null, null, null);
    }

    private Optional<TemplateView> template(long tenantId, String processCode) {
        if (processCode.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(templates.get(tenantId, processCode));
        } catch (LantauException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void formViolations(TemplateView template, String subjectField, Map<String, String> fixedValues,
                                       List<FieldViolation> violations) {
        Map<String, FormComponent> form = template.definition().form().stream()
                .collect(Collectors.toMap(FormComponent::id, Function.identity(), (a, b) -> a));
        FormComponent subject = form.get(subjectField);
        if (subject == null) {
            violations.add(new FieldViolation("subjectField", "approval.trigger_field_unknown",
                    "The template's form has no field with this id."));
        } else if (subject.type() != ComponentType.InnerContactField) {
            violations.add(new FieldViolation("subjectField", "approval.trigger_subject_field_type",
                    "The person goes into a contact field (InnerContactField)."));
        }
        if (fixedValues.size() > MAX_FIXED_VALUES) {
            violations.add(new FieldViolation("fixedValues", "approval.trigger_values_too_many",
                    "A rule sets at most " + MAX_FIXED_VALUES + " fields."));
        }
        fixedValues.forEach((id, value) -> {
            FormComponent field = form.get(id);
            if (field == null || !field.type().takesValue() || id.equals(subjectField)) {
                violations.add(new FieldViolation("fixedValues." + id, "approval.trigger_field_unknown",
                        "The template's form has no other field with this id that takes a value."));
            } else if (value == null || value.length() > MAX_VALUE_LENGTH) {
                violations.add(new FieldViolation("fixedValues." + id, "approval.trigger_value_invalid",
                        "A value is 0 to " + MAX_VALUE_LENGTH + " characters."));
            }
        });
    }

    private static <E> E parse(Function<String, E> valueOf, String value) {
        try {
            return value == null ? null : valueOf.apply(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> details(TriggerRow r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", r.name());
        details.put("processCode", r.processCode());
        details.put("dateField", r.dateField().name());
        details.put("daysBefore", r.daysBefore());
        details.put("originator", r.originator().name());
        details.put("subjectField", r.subjectField());
        details.put("fixedFields", r.fixedValues().keySet().stream().sorted().toList());
        details.put("enabled", r.enabled());
        return details;
    }

    static TriggerRuleView view(TriggerRow r) {
        return new TriggerRuleView(r.id(), r.name(), r.processCode(), r.dateField().name(), r.daysBefore(),
                r.originator().name(), r.originatorUserId(), r.subjectField(), r.fixedValues(), r.enabled(),
                r.lastRunAt(), r.lastInstanceId(), r.lastErrorCode() == null ? null
                : new TriggerRuleView.LastError(r.lastErrorCode(), r.lastError(), r.lastErrorSubject(), r.lastErrorAt()),
                r.createdAt(), r.updatedAt());
    }
}
