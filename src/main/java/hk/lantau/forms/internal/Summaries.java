package hk.lantau.forms.internal;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.InstanceView.SubmittedValue;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.Departments;
import hk.lantau.directory.PersonSummary;
import hk.lantau.forms.RoundSummary;
import hk.lantau.forms.RoundView;
import hk.lantau.forms.RoundSummary.Numbers;
import hk.lantau.forms.RoundSummary.Question;
import hk.lantau.shared.LantauException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A round's figures from its answers, and the names that go with them. */
@Component
class Summaries {

    /** What a purged round keeps: how many answered and the figures per question. */
    record Kept(int submitted, List<Question> questions) {
    }

    private final Audiences audiences;
    private final Departments departments;
    private final AnswerRepository answers;
    private final RoundRepository rounds;
    private final FormsJson json;

    Summaries(Audiences audiences, Departments departments, AnswerRepository answers, RoundRepository rounds,
              FormsJson json) {
        this.audiences = audiences;
        this.departments = departments;
        this.answers = answers;
        this.rounds = rounds;
        this.json = json;
    }

    /** The round as lists show it; a purged round counts the answers it had. */
    RoundView view(RoundRow round) {
        RoundView view = round.view();
        if (round.keptSummary() == null) {
            return view;
        }
        return new RoundView(view.id(), view.formId(), view.title(), view.date(), view.opensAt(), view.closedAt(),
                view.status(), view.expected(), json.read(round.keptSummary(), Kept.class).submitted());
    }

    RoundSummary summary(FormRow form, RoundRow round) {
        if (round.keptSummary() != null) {
            return new RoundSummary(view(round), json.read(round.keptSummary(), Kept.class).questions(), List.of(),
                    List.of());
        }
        var given = answers.ofRound(round.tenantId(), round.id());
        Map<String, PersonSummary> people = form.anonymous() ? Map.of()
                : people(round.tenantId(), given.stream().map(AnswerRepository.AnswerRow::userId).toList());
        List<RoundSummary.Answer> listed = given.stream().map(a -> form.anonymous()
                ? new RoundSummary.Answer(null, null, a.submittedAt(), a.values())
                : new RoundSummary.Answer(a.userId(), people.containsKey(a.userId()) ? people.get(a.userId()).name()
                        : null, a.submittedAt(), a.values())).toList();
        return new RoundSummary(view(round), questions(round.form(), given), listed,
                pending(round.tenantId(), rounds.notAnswered(round.tenantId(), round.id())));
    }

    /** What a round keeps once its answers are purged. */
    String kept(RoundRow round) {
        return json.write(new Kept(round.submitted(),
                questions(round.form(), answers.ofRound(round.tenantId(), round.id()))));
    }

    List<Question> questions(List<FormComponent> form, List<AnswerRepository.AnswerRow> answers) {
        List<Question> out = new ArrayList<>();
        for (FormComponent c : form) {
            if (!c.type().takesValue()) {
                continue;
            }
            List<String> given = new ArrayList<>();
            for (var answer : answers) {
                answer.values().stream().filter(v -> v.id().equals(c.id()) && v.value() != null && !v.value().isEmpty())
                        .findFirst().ifPresent(v -> given.add(v.value()));
            }
            out.add(new Question(c.id(), c.label(), c.type(), given.size(), counts(c, given), numbers(c, given)));
        }
        return out;
    }

    private Map<String, Integer> counts(FormComponent c, List<String> given) {
        if (c.type() != ComponentType.DDSelectField && c.type() != ComponentType.DDMultiSelectField) {
            return Map.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        c.options().forEach(option -> counts.put(option, 0));
        for (String value : given) {
            List<String> chosen = c.type() == ComponentType.DDSelectField ? List.of(value) : json.strings(value);
            chosen.forEach(option -> counts.merge(option, 1, Integer::sum));
        }
        return counts;
    }

    private static Numbers numbers(FormComponent c, List<String> given) {
        if (c.type() != ComponentType.NumberField && c.type() != ComponentType.MoneyField || given.isEmpty()) {
            return null;
        }
        List<BigDecimal> values = given.stream().map(BigDecimal::new).toList();
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Numbers(values.stream().min(Comparator.naturalOrder()).orElseThrow(),
                values.stream().max(Comparator.naturalOrder()).orElseThrow(),
                sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP));
    }

    Map<String, PersonSummary> people(long tenantId, java.util.Collection<String> userIds) {
        return userIds.isEmpty() ? Map.of() : audiences.summaries(tenantId, userIds);
    }

    /** Those who have not answered, grouped by department (by name; people without one last). */
    List<RoundSummary.Pending> pending(long tenantId, Map<String, Long> notAnswered) {
        Map<String, PersonSummary> people = people(tenantId, notAnswered.keySet());
        Map<Long, List<RoundSummary.Person>> byDepartment = new LinkedHashMap<>();
        notAnswered.forEach((userId, department) -> byDepartment.computeIfAbsent(department, d -> new ArrayList<>())
                .add(new RoundSummary.Person(userId, people.containsKey(userId) ? people.get(userId).name() : null)));
        Map<Long, String> names = new HashMap<>();
        byDepartment.keySet().forEach(id -> names.put(id, departmentName(tenantId, id)));
        return byDepartment.entrySet().stream()
                .map(e -> new RoundSummary.Pending(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(RoundSummary.Pending::departmentName,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    String departmentName(long tenantId, Long departmentId) {
        if (departmentId == null) {
            return null;
        }
        try {
            return departments.get(tenantId, departmentId).name();
        } catch (LantauException gone) {
            return null;
        }
    }

    static String value(List<SubmittedValue> values, String componentId) {
        return values.stream().filter(v -> v.id().equals(componentId)).map(SubmittedValue::value).findFirst()
                .orElse("");
    }
}
