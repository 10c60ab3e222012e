package hk.lantau.forms.internal;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.InstanceView.SubmittedValue;
import hk.lantau.directory.PersonSummary;
import hk.lantau.forms.RoundExport;
import hk.lantau.shared.LantauException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A round's answers as a table: one row per answer with the person (left out on an anonymous
 * form), their department, when they answered in the organisation's zone, and one column per
 * question. Lists are written as their items separated by "; ", tables as DingTalk's JSON.
 */
@Component
class RoundExports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<ComponentType> LISTS = EnumSet.of(ComponentType.DDMultiSelectField,
            ComponentType.InnerContactField, ComponentType.DepartmentField, ComponentType.DDDateRangeField);

    private final AnswerRepository answers;
    private final Summaries summaries;
    private final FormsJson json;

    RoundExports(AnswerRepository answers, Summaries summaries, FormsJson json) {
        this.answers = answers;
        this.summaries = summaries;
        this.json = json;
    }

    RoundExport export(FormRow form, RoundRow round, String format, boolean bom, ZoneId zone) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw LantauException.invalidField("format", "forms.export_format_invalid", "Choose csv or xlsx.");
        }
        List<FormComponent> questions = round.form().stream().filter(c -> c.type().takesValue()).toList();
        List<String> header = new ArrayList<>();
        if (!form.anonymous()) {
            header.addAll(List.of("Name", "User ID", "Department"));
        }
        header.add("Submitted at");
        questions.forEach(q -> header.add(q.label()));
        var given = answers.ofRound(round.tenantId(), round.id());
        Map<String, PersonSummary> people = form.anonymous() ? Map.of()
                : summaries.people(round.tenantId(), given.stream().map(AnswerRepository.AnswerRow::userId).toList());
        List<List<String>> rows = new ArrayList<>();
        for (var answer : given) {
            List<String> row = new ArrayList<>();
            if (!form.anonymous()) {
                PersonSummary person = people.get(answer.userId());
                row.add(person == null ? "" : person.name());
                row.add(answer.userId());
                String department = person == null || person.departmentIds().isEmpty() ? null
                        : summaries.departmentName(round.tenantId(), person.departmentIds().get(0));
                row.add(department == null ? "" : department);
            }
            row.add(WHEN.format(answer.submittedAt().atZone(zone)));
            questions.forEach(q -> row.add(cell(q, answer.values())));
            rows.add(row);
        }
        String name = "form-" + form.id() + "-" + round.date();
        return "csv".equals(format)
                ? new RoundExport(name + ".csv", "text/csv; charset=UTF-8", ExportFiles.csv(header, rows, bom))
                : new RoundExport(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        ExportFiles.xlsx("Answers", header, rows));
    }

    private String cell(FormComponent q, List<SubmittedValue> values) {
        String value = Summaries.value(values, q.id());
        if (value.isEmpty() || !LISTS.contains(q.type())) {
            return value;
        }
        return String.join("; ", json.strings(value));
    }
}
