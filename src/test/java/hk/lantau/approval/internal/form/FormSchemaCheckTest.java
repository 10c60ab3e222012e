package hk.lantau.approval.internal.form;

import static hk.lantau.approval.internal.form.Forms.date;
import static hk.lantau.approval.internal.form.Forms.money;
import static hk.lantau.approval.internal.form.Forms.number;
import static hk.lantau.approval.internal.form.Forms.of;
import static hk.lantau.approval.internal.form.Forms.select;
import static hk.lantau.approval.internal.form.Forms.table;
import static hk.lantau.approval.internal.form.Forms.text;
import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormSchemaCheckTest {

    @Test
    void acceptsEveryComponentTypeWithFittingProperties() {
        List<FormComponent> form = List.of(
                text("title", "Title", true),
                new FormComponent("notes", ComponentType.TextareaField, "Notes", false, "Anything else", "notes",
                        null, null, null, 5000, null, null, null),
                number("days", "Days", "0.5", "30"),
                money("amount", "Amount", true),
                select("kind", ComponentType.DDSelectField, "Kind", "Annual", "Sick"),
                select("tags", ComponentType.DDMultiSelectField, "Tags", "a, b", "c"),
                date("day", ComponentType.DDDateField, "Day", "yyyy-MM-dd"),
                date("period", ComponentType.DDDateRangeField, "Period", "yyyy-MM-dd HH:mm"),
                of("people", ComponentType.InnerContactField, "People"),
                of("depts", ComponentType.DepartmentField, "Departments"),
                of("note", ComponentType.TextNote, "Please attach receipts"),
                of("files", ComponentType.DDAttachment, "Receipts"),
                table("items", "Items", true, text("what", "What", true), money("cost", "Cost", true),
                        of("receipt", ComponentType.DDAttachment, "Receipt")));

        assertThat(FormSchema.check(form)).isEmpty();
    }

    @Test
    void refusesAnEmptyOrTooLargeForm() {
        assertThat(codes(List.of())).containsExactly("form approval.form_empty");
        assertThat(codes(null)).containsExactly("form approval.form_empty");
        List<FormComponent> many = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            many.add(text("f" + i, "Field " + i, false));
        }
        many.add(table("t", "Table", false, text("a", "A", false), text("b", "B", false)));
        assertThat(codes(many)).containsExactly("form approval.form_too_large");
        assertThat(codes(many.subList(0, 99))).isEmpty();
    }

    @Test
    void refusesBadAndDuplicateIdsAlsoInsideTables() {
        assertThat(codes(List.of(text("1st", "A", false), text(null, "B", false),
                text("x".repeat(65), "C", false), text("a", "D", false),
                table("t", "T", false, text("a", "E", false)))))
                .containsExactly("form[0].id approval.component_id_invalid", "form[1].id approval.component_id_invalid",
                        "form[2].id approval.component_id_invalid",
                        "form[4].children[0].id approval.component_id_duplicate");
    }

    @Test
    void refusesBadLabelsAndDuplicateLabelsOfAnswers() {
        assertThat(codes(List.of(text("a", "", false), text("b", "x".repeat(101), false), text("c", "Same", false),
                text("d", "Same ", false), of("n1", ComponentType.TextNote, "Note"),
                of("n2", ComponentType.TextNote, "Note"))))
                .containsExactly("form[0].label approval.component_label_invalid",
                        "form[1].label approval.component_label_invalid",
                        "form[3].label approval.component_label_duplicate");
    }

    @Test
    void refusesAMissingType() {
        List<FormComponent> form = new ArrayList<>();
        form.add(new FormComponent("a", null, "A", false, null, null, null, null, null, null, null, null, null));
        assertThat(codes(form)).containsExactly("form[0].type approval.component_type_required");
    }

    @Test
    void refusesPropertiesThatDoNotFitTheType() {
        FormComponent text = new FormComponent("a", ComponentType.TextField, "A", false, null, null, List.of("x"),
                BigDecimal.ONE, BigDecimal.TEN, null, "HKD", "yyyy-MM-dd", List.of(text("b", "B", false)));
        FormComponent number = new FormComponent("n", ComponentType.NumberField, "N", false, null, null, null,
                null, null, 10, null, null, null);
        FormComponent note = new FormComponent("t", ComponentType.TextNote, "T", true, null, null, null, null, null,
                null, null, null, null);
        assertThat(codes(List.of(text, number, note))).containsExactly(
                "form[0].options approval.component_property_unexpected",
                "form[0].min approval.component_property_unexpected",
                "form[0].max approval.component_property_unexpected",
                "form[0].currency approval.component_property_unexpected",
                "form[0].format approval.component_property_unexpected",
                "form[0].children approval.component_property_unexpected",
                "form[1].maxLength approval.component_property_unexpected",
                "form[2].required approval.component_property_unexpected");
    }

    @Test
    void refusesBadOptions() {
        assertThat(codes(List.of(select("a", ComponentType.DDSelectField, "A"),
                select("b", ComponentType.DDMultiSelectField, "B", "x", "x"),
                select("c", ComponentType.DDSelectField, "C", "x", " "),
                select("d", ComponentType.DDSelectField, "D", "y".repeat(101)),
                select("e", ComponentType.DDSelectField, "E", " padded"),
                select("f", ComponentType.DDSelectField, "F", Collections.nCopies(101, "z").toArray(String[]::new)))))
                .containsExactly("form[0].options approval.component_options_invalid",
                        "form[1].options approval.component_options_invalid",
                        "form[2].options approval.component_options_invalid",
                        "form[3].options approval.component_options_invalid",
                        "form[4].options approval.component_options_invalid",
                        "form[5].options approval.component_options_invalid");
    }

    @Test
    void refusesBadRangesLimitsCurrenciesAndFormats() {
        FormComponent textLimit = new FormComponent("a", ComponentType.TextField, "A", false, null, null, null, null,
                null, 5001, null, null, null);
        FormComponent zeroLimit = new FormComponent("b", ComponentType.TextareaField, "B", false, null, null, null,
                null, null, 0, null, null, null);
        FormComponent currency = new FormComponent("c", ComponentType.MoneyField, "C", false, null, null, null,
                null, null, null, "XYZ", null, null);
        FormComponent lower = new FormComponent("d", ComponentType.MoneyField, "D", false, null, null, null,
                null, null, null, "hkd", null, null);
        assertThat(codes(List.of(textLimit, zeroLimit, currency, lower, number("e", "E", "10", "1"),
                date("f", ComponentType.DDDateField, "F", "dd/MM/yyyy"))))
                .containsExactly("form[0].maxLength approval.component_max_length_invalid",
                        "form[1].maxLength approval.component_max_length_invalid",
                        "form[2].currency approval.component_currency_invalid",
                        "form[3].currency approval.component_currency_invalid",
                        "form[4].max approval.component_range_invalid",
                        "form[5].format approval.component_format_invalid");
    }

    @Test
    void refusesEmptyAndNestedTablesAndNotesInTables() {
        assertThat(codes(List.of(table("t", "T", false),
                table("u", "U", false, table("v", "V", false, text("w", "W", false)),
                        of("n", ComponentType.TextNote, "N")))))
                .containsExactly("form[0].children approval.component_children_invalid",
                        "form[1].children[0].type approval.component_children_invalid",
                        "form[1].children[1].type approval.component_children_invalid");
    }

    @Test
    void refusesOverlongPlaceholdersAndBizAliases() {
        FormComponent c = new FormComponent("a", ComponentType.TextField, "A", false, "p".repeat(201), " ", null,
                null, null, null, null, null, null);
        assertThat(codes(List.of(c))).containsExactly("form[0].placeholder approval.component_property_invalid",
                "form[0].bizAlias approval.component_property_invalid");
    }

    private static List<String> codes(List<FormComponent> form) {
        return FormSchema.check(form).stream().map(v -> v.field() + " " + v.code()).toList();
    }
}
