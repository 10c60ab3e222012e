package hk.lantau.forms.internal;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.forms.FormAudience;
import hk.lantau.forms.FormDefinition;
import hk.lantau.forms.FormPreset;
import hk.lantau.forms.FormSchedule;
import hk.lantau.forms.ScheduleKind;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/** Ready-made forms. Their text is English; designers translate or change it before saving. */
final class Presets {

    static final String HEALTH_DECLARATION = "health-declaration";

    private Presets() {
    }

    /** Asked at 09:00 on working days, a reminder at 10:30, answers kept 30 days. */
    static FormPreset healthDeclaration() {
        List<FormComponent> form = List.of(
                note("intro", "Please answer before you start work. Your answers are kept for 30 days."),
                select("symptoms", "Do you have a fever, cough, sore throat or loss of taste or smell today?",
                        List.of("No", "Yes")),
                new FormComponent("temperature", ComponentType.NumberField, "Body temperature (°C)", false,
                        "For example 36.6", null, null, new BigDecimal("34"), new BigDecimal("43"), null, null, null,
                        null),
                select("contact", "Have you been in close contact with a confirmed case in the last 7 days?",
                        List.of("No", "Yes")),
                select("workplace", "Where do you work today?", List.of("Office", "Home", "On leave")),
                new FormComponent("remarks", ComponentType.TextareaField, "Anything HR should know", false, null, null,
                        null, null, null, 500, null, null, null));
        FormDefinition definition = new FormDefinition("Daily health declaration",
                "A short health check each working day.", form, new FormAudience(List.of(), List.of()),
                new FormSchedule(ScheduleKind.WORKING_DAYS, null, List.of(), LocalTime.of(9, 0),
                        List.of(LocalTime.of(10, 30))), 30, false);
        return new FormPreset(HEALTH_DECLARATION, "Daily health declaration", definition);
    }

    private static FormComponent note(String id, String text) {
        return new FormComponent(id, ComponentType.TextNote, text, false, null, null, null, null, null, null, null,
                null, null);
    }

    private static FormComponent select(String id, String label, List<String> options) {
        return new FormComponent(id, ComponentType.DDSelectField, label, true, null, null, options, null, null, null,
                null, null, null);
    }
}
