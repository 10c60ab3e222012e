package hk.lantau.approval.internal.form;

import static hk.lantau.approval.internal.form.Forms.date;
import static hk.lantau.approval.internal.form.Forms.money;
import static hk.lantau.approval.internal.form.Forms.number;
import static hk.lantau.approval.internal.form.Forms.of;
import static hk.lantau.approval.internal.form.Forms.select;
import static hk.lantau.approval.internal.form.Forms.table;
import static hk.lantau.approval.internal.form.Forms.text;
import static hk.lantau.approval.internal.form.Forms.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormValue;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmittedFormTest {

    private final FormSchema schema = new FormSchema(List.of(
            text("reason", "Reason", true),
            number("days", "Days", "0.5", "30"),
            money("amount", "Amount", false),
            select("kind", ComponentType.DDSelectField, "Kind", "Annual", "Sick"),
            select("tags", ComponentType.DDMultiSelectField, "Tags", "x", "y"),
            date("day", ComponentType.DDDateField, "Day", null),
            date("period", ComponentType.DDDateRangeField, "Period", "yyyy-MM-dd HH:mm"),
            of("people", ComponentType.InnerContactField, "People"),
            of("depts", ComponentType.DepartmentField, "Departments"),
            of("note", ComponentType.TextNote, "Read me"),
            of("files", ComponentType.DDAttachment, "Files"),
            table("items", "Items", false, text("what", "What", true), of("who", ComponentType.InnerContactField,
                    "Who"), of("where", ComponentType.DepartmentField, "Where"),
                    of("receipt", ComponentType.DDAttachment, "Receipt"))));

    private final SubmittedForm form = schema.read(List.of(
            value("reason", "Offsite 🏝"), value("days", "1.50"), value("kind", "Sick"), value("tags", "y,x"),
            value("day", "2024-05-01"), value("period", "[\"2024-05-01 09:00\",\"2024-05-02 18:00\"]"),
            value("people", "tom,mary"), value("depts", "5"), value("files", "f-1,f-2"),
            new FormValue("items", null, """
                    [[{"name":"What","value":"Taxi"},{"name":"Who","value":"[\\"ann\\",\\"tom\\"]"},
                      {"name":"Where","value":"[7]"},{"name":"Receipt","value":"f-2,f-3"}]]
                    """, "{\"rows\":1}")));

    @Test
    void listsEveryAnswerableComponentInFormOrder() {
        assertThat(form.values()).extracting(v -> v.id()).containsExactly("reason", "days", "amount", "kind", "tags",
                "day", "period", "people", "depts", "files", "items");
        assertThat(form.values()).extracting(v -> v.value()).startsWith("Offsite 🏝", "1.50", "", "Sick",
                "[\"y\",\"x\"]", "2024-05-01", "[\"2024-05-01 09:00\",\"2024-05-02 18:00\"]", "[\"tom\",\"mary\"]",
                "[5]", "[\"f-1\",\"f-2\"]");
        assertThat(form.typed("period")).isEqualTo(List.of(LocalDateTime.of(2024, 5, 1, 9, 0),
                LocalDateTime.of(2024, 5, 2, 18, 0)));
        assertThat(form.typed("note")).isNull();
        assertThat(form.component("note")).isNull();
        assertThat(form.component("kind").options()).containsExactly("Annual", "Sick");
    }

    @Test
    void collectsPeopleDepartmentsAndAttachmentsAlsoFromTables() {
        assertThat(form.referencedUserIds()).containsExactly("tom", "mary", "ann");
        assertThat(form.referencedDepartmentIds()).containsExactly(5L, 7L);
        assertThat(form.attachmentIds()).containsExactly("f-1", "f-2", "f-3");
    }

    @Test
    void roundTripsThroughJsonExactly() {
        String json = form.toJson();
        SubmittedForm back = SubmittedForm.fromJson(json);

        assertThat(back).isEqualTo(form).hasSameHashCodeAs(form);
        assertThat(back.values()).isEqualTo(form.values());
        for (var v : form.values()) {
            assertThat(back.typed(v.id())).as(v.id()).isEqualTo(form.typed(v.id()));
        }
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(back.referencedUserIds()).isEqualTo(form.referencedUserIds());
        assertThat(back.component("days").min()).isEqualByComparingTo("0.5");
    }

    @Test
    void refusesJsonThatIsNotAStoredForm() {
        assertThatThrownBy(() -> SubmittedForm.fromJson("{\"values\":"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
