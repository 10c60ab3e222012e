package hk.lantau.approval;

/**
 * A submitted value, shaped like DingTalk's {@code form_component_values}: {@code id} (or, as
 * DingTalk allows, the component's {@code name}, its label) and the value in DingTalk's string
 * encoding (numbers as numeric strings, multi-selects, contacts, date ranges and tables as JSON
 * array strings).
 */
public record FormValue(String id, String name, String value, String extValue) {
}
