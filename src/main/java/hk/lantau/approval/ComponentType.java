package hk.lantau.approval;

/**
 * The form components of an approval template, named exactly as DingTalk names them
 * ({@code componentName} / {@code componentType}), so templates and values cross the compatible
 * API unchanged.
 */
public enum ComponentType {
    /** One line of text. */
    TextField,
    /** Several lines of text. */
    TextareaField,
    /** A number, optionally within {@code min}..{@code max}. */
    NumberField,
    /** An amount of money in the component's currency (HKD unless it says otherwise). */
    MoneyField,
    /** One of {@code options}. */
    DDSelectField,
    /** Any of {@code options}. */
    DDMultiSelectField,
    /** A date, or a date and time when {@code format} is {@code yyyy-MM-dd HH:mm}. */
    DDDateField,
    /** A start and an end, in the same formats as {@link #DDDateField}. */
    DDDateRangeField,
    /** Rows of the components in {@code children}. */
    TableField,
    /** People of the organisation, by userid. */
    InnerContactField,
    /** Departments of the organisation, by id. */
    DepartmentField,
    /** Text shown on the form; it takes no value. */
    TextNote,
    /** Files uploaded to the approval's attachment store, by id. */
    DDAttachment;

    /** Whether a submission carries a value for this component. */
    public boolean takesValue() {
        return this != TextNote;
    }
}
