package hk.lantau.approval.internal.form;

import static hk.lantau.approval.internal.form.Forms.date;
import static hk.lantau.approval.internal.form.Forms.money;
import static hk.lantau.approval.internal.form.Forms.named;
import static hk.lantau.approval.internal.form.Forms.number;
import static hk.lantau.approval.internal.form.Forms.of;
import static hk.lantau.approval.internal.form.Forms.select;
import static hk.lantau.approval.internal.form.Forms.table;
import static hk.lantau.approval.internal.form.Forms.text;
import static hk.lantau.approval.internal.form.Forms.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormValue;
import hk.lantau.shared.LantauException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSchemaReadTest {

    private final FormSchema schema = new FormSchema(List.of(text("reason", "Reason", true),
            money("amount", "Amount", true)));

    @Test
    void readsValuesByIdAndByLabel() {
        SubmittedForm form = schema.read(List.of(value("reason", "Taxi"), named("Amount", "1,234.50")));

        assertThat(form.typed("reason")).isEqualTo("Taxi");
        assertThat(form.typed("amount")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(form.values()).extracting(v -> v.value()).containsExactly("Taxi", "1234.50");
        assertThat(form.values().get(1).componentType()).isEqualTo(ComponentType.MoneyField);
        assertThat(form.values().get(1).name()).isEqualTo("Amount");
        assertThat(form.values().get(1).bizAlias()).isEqualTo("amount");
    }

    @Test
    void readsAComponentsIdSentAsItsName() {
        SubmittedForm form = schema.read(List.of(named("reason", "Taxi"), new FormValue("nope", "Amount", "3", "x")));

        assertThat(form.typed("reason")).isEqualTo("Taxi");
        assertThat(form.values().get(1).extValue()).isEqualTo("x");
    }

    @Test
    void refusesMissingRequiredValues() {
        assertThat(refused(schema, value("reason", " ")))
                .containsExactly("reason approval.field_required", "amount approval.field_required");
        assertThatThrownBy(() -> schema.read(null)).isInstanceOfSatisfying(LantauException.class, e -> {
            assertThat(e.code()).isEqualTo("approval.form_invalid");
            assertThat(e.status().value()).isEqualTo(400);
        });
    }

    @Test
    void refusesUnknownAndDuplicateValuesAndValuesForNotes() {
        FormSchema withNote = new FormSchema(List.of(text("reason", "Reason", false),
                of("note", ComponentType.TextNote, "Read this")));
        assertThat(refused(withNote, value("reason", "a"), named("Reason", "b"), value("ghost", "x"),
                named("Ghost", "y"), new FormValue(null, null, "z", null), value("note", "hello")))
                .containsExactly("reason approval.field_duplicate", "ghost approval.field_unknown",
                        "Ghost approval.field_unknown", "formValues[4] approval.field_unknown",
                        "note approval.field_takes_no_value");
        assertThat(withNote.read(Arrays.asList(value("note", " "), null)).values()).hasSize(1);
    }

    @Test
    void limitsTextToItsMaximumInCharacters() {
        FormComponent shortText = new FormComponent("t", ComponentType.TextField, "T", false, null, null, null,
                null, null, 3, null, null, null);
        FormSchema s = new FormSchema(List.of(shortText, text("d", "Default", false),
                of("area", ComponentType.TextareaField, "Area")));

        assertThat(s.read(List.of(value("t", "😀😀😀"), value("d", "x".repeat(200)),
                value("area", "y".repeat(2000)))).typed("t")).isEqualTo("😀😀😀");
        assertThat(refused(s, new FormValue("t", null, "ok", "e".repeat(10_001))))
                .containsExactly("t approval.field_too_long");
        assertThat(s.read(List.of(new FormValue("t", null, "ok", "e".repeat(10_000)))).values().get(0).extValue())
                .hasSize(10_000);
        assertThat(refused(s, value("t", "abcd"), value("d", "x".repeat(201)), value("area", "y".repeat(2001))))
                .containsExactly("t approval.field_too_long", "d approval.field_too_long",
                        "area approval.field_too_long");
    }

    @Test
    void readsNumbersAndRefusesNonNumbersAndOutOfRange() {
        FormSchema s = new FormSchema(List.of(number("n", "N", "-5", "10.5"), number("free", "Free", null, null)));

        SubmittedForm ok = s.read(List.of(value("n", " -5 "), value("free", "1,000,000.25")));
        assertThat(ok.typed("n")).isEqualTo(new BigDecimal("-5"));
        assertThat(ok.values().get(1).value()).isEqualTo("1000000.25");
        assertThat(s.read(List.of(value("n", "10.50"))).typed("n")).isEqualTo(new BigDecimal("10.50"));
        assertThat(refused(s, value("n", "10.51"), value("free", "12abc")))
                .containsExactly("n approval.field_out_of_range", "free approval.field_not_a_number");
        assertThat(refused(s, value("n", "-5.01"), value("free", "1e5")))
                .containsExactly("n approval.field_out_of_range", "free approval.field_not_a_number");
        assertThat(refused(s, value("free", "1,00")))
                .containsExactly("free approval.field_not_a_number");
    }

    @Test
    void takesMoneyOfZeroOrMoreWithTwoDecimals() {
        FormSchema s = new FormSchema(List.of(money("m", "M", false)));

        assertThat(s.read(List.of(value("m", "0"))).typed("m")).isEqualTo(BigDecimal.ZERO);
        assertThat(s.read(List.of(value("m", "12.500"))).typed("m")).isEqualTo(new BigDecimal("12.500"));
        assertThat(refused(s, value("m", "-1"))).containsExactly("m approval.field_money_invalid");
        assertThat(refused(s, value("m", "1.234"))).containsExactly("m approval.field_money_invalid");
        assertThat(refused(s, value("m", "HK$1"))).containsExactly("m approval.field_not_a_number");
    }

    @Test
    void takesOptionsOnly() {
        FormSchema s = new FormSchema(List.of(select("one", ComponentType.DDSelectField, "One", "Annual", "Sick"),
                select("many", ComponentType.DDMultiSelectField, "Many", "a, b", "c", "d")));

        SubmittedForm json = s.read(List.of(value("one", "[\"Sick\"]"), value("many", "[\"a, b\",\"d\",\"d\"]")));
        assertThat(json.typed("one")).isEqualTo("Sick");
        assertThat(json.typed("many")).isEqualTo(List.of("a, b", "d"));
        assertThat(json.values().get(1).value()).isEqualTo("[\"a, b\",\"d\"]");
        assertThat(s.read(List.of(value("many", "a, b"))).typed("many")).isEqualTo(List.of("a, b"));
        assertThat(s.read(List.of(value("many", "c,d"))).typed("many")).isEqualTo(List.of("c", "d"));
        assertThat(refused(s, value("one", "Maternity"), value("many", "c,e")))
                .containsExactly("one approval.field_not_an_option", "many approval.field_not_an_option");
        assertThat(refused(s, value("many", "[\"c\""))).containsExactly("many approval.field_malformed");
        assertThat(refused(s, value("many", "[{\"x\":1}]"))).containsExactly("many approval.field_malformed");
        assertThat(refused(s, value("one", "[\"Sick\",\"Annual\"]"))).containsExactly(
                "one approval.field_not_an_option");
    }

    @Test
    void readsDatesInTheComponentsFormat() {
        FormSchema s = new FormSchema(List.of(date("day", ComponentType.DDDateField, "Day", null),
                date("at", ComponentType.DDDateField, "At", "yyyy-MM-dd HH:mm")));

        SubmittedForm form = s.read(List.of(value("day", "2024-02-29"), value("at", "2024-03-01 09:30")));
        assertThat(form.typed("day")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(form.typed("at")).isEqualTo(LocalDateTime.of(2024, 3, 1, 9, 30));
        assertThat(refused(s, value("day", "2023-02-29"), value("at", "2024-03-01")))
                .containsExactly("day approval.field_date_invalid", "at approval.field_date_invalid");
        assertThat(refused(s, value("day", "01/03/2024"), value("at", "2024-03-01 24:00")))
                .containsExactly("day approval.field_date_invalid", "at approval.field_date_invalid");
    }

    @Test
    void readsDateRangesAsJsonOrCommaSeparated() {
        FormSchema s = new FormSchema(List.of(date("r", ComponentType.DDDateRangeField, "Range", null),
                date("t", ComponentType.DDDateRangeField, "Times", "yyyy-MM-dd HH:mm")));

        SubmittedForm form = s.read(List.of(value("r", "[\"2024-01-01\",\"2024-01-01\"]"),
                value("t", "2024-01-01 09:00, 2024-01-02 18:00")));
        assertThat(form.typed("r")).isEqualTo(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)));
        assertThat(form.values().get(1).value()).isEqualTo("[\"2024-01-01 09:00\",\"2024-01-02 18:00\"]");
        assertThat(refused(s, value("r", "[\"2024-01-02\",\"2024-01-01\"]"), value("t", "2024-01-01 09:00")))
                .containsExactly("r approval.field_date_range_invalid", "t approval.field_date_range_invalid");
        assertThat(refused(s, value("r", "2024-01-01,2024-13-01"))).containsExactly("r approval.field_date_invalid");
        assertThat(s.read(List.of(value("r", "[]"))).typed("r")).isNull();
    }

    @Test
    void readsPeopleDepartmentsAndAttachments() {
        FormSchema s = new FormSchema(List.of(of("people", ComponentType.InnerContactField, "People"),
                of("depts", ComponentType.DepartmentField, "Departments"),
                of("files", ComponentType.DDAttachment, "Files")));

        SubmittedForm form = s.read(List.of(value("people", "[{\"emplId\":\"mary.chan\"},\"tom\"]"),
                value("depts", "[12, \"34\"]"), value("files", "[{\"fileId\":\"f-1\",\"fileName\":\"a.pdf\"}]")));
        assertThat(form.typed("people")).isEqualTo(List.of("mary.chan", "tom"));
        assertThat(form.typed("depts")).isEqualTo(List.of(12L, 34L));
        assertThat(form.values().get(1).value()).isEqualTo("[12,34]");
        assertThat(form.typed("files")).isEqualTo(List.of("f-1"));
        assertThat(s.read(List.of(value("people", "mary.chan, tom,tom"))).typed("people"))
                .isEqualTo(List.of("mary.chan", "tom"));

        assertThat(refused(s, value("people", "[\"mary chan\"]"), value("depts", "12,x"), value("files", "../etc")))
                .containsExactly("people approval.field_user_invalid", "depts approval.field_department_invalid",
                        "files approval.field_attachment_invalid");
        assertThat(refused(s, value("depts", "0"))).containsExactly("depts approval.field_department_invalid");
        String tooMany = String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "u" + i).toList());
        assertThat(refused(s, value("people", tooMany))).containsExactly("people approval.field_too_many");
        assertThat(refused(s, value("people", "{\"a\":1}"))).containsExactly("people approval.field_user_invalid");
        assertThat(refused(s, value("people", "[true]"))).containsExactly("people approval.field_malformed");
    }

    @Test
    void readsTablesRowByRowWithCellPaths() {
        FormSchema s = new FormSchema(List.of(table("items", "Items", true, text("what", "What", true),
                money("cost", "Cost", true), of("receipt", ComponentType.DDAttachment, "Receipt"))));

        SubmittedForm form = s.read(List.of(value("items", """
                [[{"name":"What","value":"Taxi"},{"name":"Cost","value":"88.5"}],
                 [{"name":"What","value":""},{"id":"cost","value":""}],
                 [{"id":"what","value":"Lunch"},{"id":"cost","value":120},{"name":"Receipt","value":["r-1"]}]]
                """)));
        assertThat(form.typed("items")).isEqualTo(List.of(
                row("what", "Taxi", "cost", new BigDecimal("88.5"), "receipt", null),
                row("what", "Lunch", "cost", new BigDecimal("120"), "receipt", List.of("r-1"))));
        assertThat(form.values().get(0).value()).startsWith(
                "[[{\"id\":\"what\",\"name\":\"What\",\"value\":\"Taxi\"},{\"id\":\"cost\",\"name\":\"Cost\"");
        assertThat(form.attachmentIds()).containsExactly("r-1");

        assertThat(refused(s, value("items", """
                [[{"name":"What","value":"Taxi"},{"name":"Cost","value":"-1"}],
                 [{"name":"What","value":"Bus"},{"name":"Tip","value":"1"}],
                 [{"name":"Cost","value":"5"}],
                 [{"name":"What","value":"a"},{"id":"what","value":"b"}],
                 "row"]
                """))).containsExactly("items[0].cost approval.field_money_invalid", "items[1].Tip approval.field_unknown",
                "items[2].what approval.field_required", "items[3].what approval.field_duplicate",
                "items[4] approval.field_malformed");
        assertThat(refused(s, value("items", "[[{\"name\":\"What\",\"value\":\"\"}]]")))
                .containsExactly("items approval.field_required");
        assertThat(refused(s, value("items", "{}"))).containsExactly("items approval.field_malformed");
        assertThat(refused(s, value("items", "[[")).get(0)).isEqualTo("items approval.field_malformed");
        String rows = "[" + String.join(",", java.util.Collections.nCopies(201, "[]")) + "]";
        assertThat(refused(s, value("items", rows))).containsExactly("items approval.field_too_many");
    }

    @Test
    void readsDingTalksRowValueShape() {
        FormSchema s = new FormSchema(List.of(table("items", "Items", false, text("what", "What", false))));

        SubmittedForm form = s.read(List.of(value("items",
                "[{\"rowValue\":[{\"label\":\"What\",\"key\":\"what\",\"value\":\"Taxi\"}]}]")));
        assertThat(form.typed("items")).isEqualTo(List.of(Map.of("what", "Taxi")));
    }

    @Test
    void leavesUnansweredOptionalComponentsEmpty() {
        FormSchema s = new FormSchema(List.of(text("a", "A", false), number("n", "N", null, null),
                table("t", "T", false, text("x", "X", false))));

        SubmittedForm form = s.read(List.of());
        assertThat(form.values()).extracting(v -> v.value()).containsExactly("", "", "");
        assertThat(form.typed("a")).isNull();
        assertThat(form.typed("t")).isNull();
        assertThat(form.typed("missing")).isNull();
    }

    static Map<String, Object> row(Object... idsAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            row.put((String) idsAndValues[i], idsAndValues[i + 1]);
        }
        return row;
    }

    static List<String> refused(FormSchema schema, FormValue... values) {
        try {
            schema.read(Arrays.asList(values));
        } catch (LantauException e) {
            assertThat(e.code()).isEqualTo("approval.form_invalid");
            return e.violations().stream().map(v -> v.field() + " " + v.code()).toList();
        }
        throw new AssertionError("The form was accepted");
    }
}
