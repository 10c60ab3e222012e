package hk.lantau.approval.internal.form;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** What each component type allows, and the shapes of ids, shared by the checks. */
final class Kinds {

    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    static final Pattern ROLE_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    static final Pattern ATTACHMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    static final String DATE = "yyyy-MM-dd";
    static final String DATE_TIME = "yyyy-MM-dd HH:mm";

    static final Set<ComponentType> TEXT = EnumSet.of(ComponentType.TextField, ComponentType.TextareaField);
    static final Set<ComponentType> NUMERIC = EnumSet.of(ComponentType.NumberField, ComponentType.MoneyField);
    static final Set<ComponentType> SELECTS = EnumSet.of(ComponentType.DDSelectField,
            ComponentType.DDMultiSelectField);
    static final Set<ComponentType> DATES = EnumSet.of(ComponentType.DDDateField, ComponentType.DDDateRangeField);
    static final Set<ComponentType> LISTS = EnumSet.of(ComponentType.DDMultiSelectField,
            ComponentType.InnerContactField, ComponentType.DepartmentField, ComponentType.DDAttachment,
            ComponentType.DDDateRangeField);

    private Kinds() {
    }

    static int maxLength(FormComponent c) {
        if (c.maxLength() != null) {
            return c.maxLength();
        }
        return c.type() == ComponentType.TextareaField ? 2000 : 200;
    }

    static String format(FormComponent c) {
        return c.format() == null ? DATE : c.format();
    }

    /** Whether a condition may compare the component: it takes one value that is not a table. */
    static boolean comparable(FormComponent c) {
        return c.type() != null && c.type().takesValue() && c.type() != ComponentType.TableField;
    }
}
