package hk.lantau.approval.internal.form;

import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.shared.FieldViolation;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a template's form definition; see {@link FormSchema#check}. */
final class FormDefinitionCheck {

    static final int MAX_COMPONENTS = 100;
    static final int MAX_OPTIONS = 100;
    static final int MAX_OPTION_LENGTH = 100;
    static final int MAX_LABEL = 100;
    static final int MAX_PLACEHOLDER = 200;
    static final int MAX_TEXT_LIMIT = 5000;

    private final List<FieldViolation> violations = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private int count;

    List<FieldViolation> check(List<FormComponent> form) {
        if (form == null || form.isEmpty()) {
            add("form", "approval.form_empty", "A form needs at least one component.");
            return violations;
        }
        level(form, "form", false);
        if (count > MAX_COMPONENTS) {
            violations.add(0, new FieldViolation("form", "approval.form_too_large",
                    "A form has at most " + MAX_COMPONENTS + " components, counting those inside tables."));
        }
        return violations;
    }

    private void level(List<FormComponent> components, String path, boolean inTable) {
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            FormComponent c = components.get(i);
            String at = path + "[" + i + "]";
            count++;
            identity(c, at);
            label(c, at, labels);
            if (c.type() == null) {
                add(at + ".type", "approval.component_type_required", "Each component needs a type.");
                continue;
            }
            if (inTable && !fitsInTable(c.type())) {
                add(at + ".type", "approval.component_children_invalid",
                        "A table cannot hold " + c.type() + ".");
            }
            properties(c, at);
        }
    }

    private static boolean fitsInTable(ComponentType type) {
        return type != ComponentType.TableField && type != ComponentType.TextNote;
    }

    private void identity(FormComponent c, String at) {
        if (c.id() == null || !Kinds.ID.matcher(c.id()).matches()) {
            add(at + ".id", "approval.component_id_invalid",
                    "An id starts with a letter and has up to 64 letters, digits, _ and -.");
        } else if (!ids.add(c.id())) {
            add(at + ".id", "approval.component_id_duplicate", "Another component has the id " + c.id() + ".");
        }
    }

    private void label(FormComponent c, String at, Set<String> labels) {
        if (c.label() == null || c.label().isBlank() || c.label().length() > MAX_LABEL) {
            add(at + ".label", "approval.component_label_invalid", "A label has 1 to " + MAX_LABEL + " characters.");
        } else if (c.type() != null && c.type().takesValue() && !labels.add(c.label().strip())) {
            // Values may be matched by label, as DingTalk allows, so labels of answers must differ.
            add(at + ".label", "approval.component_label_duplicate",
                    "Another component here has the label " + c.label() + ".");
        }
        if (c.placeholder() != null && c.placeholder().length() > MAX_PLACEHOLDER) {
            add(at + ".placeholder", "approval.component_property_invalid",
                    "A placeholder has at most " + MAX_PLACEHOLDER + " characters.");
        }
        if (c.bizAlias() != null && (c.bizAlias().isBlank() || c.bizAlias().length() > 64)) {
            add(at + ".bizAlias", "approval.component_property_invalid", "A bizAlias has 1 to 64 characters.");
        }
    }

    private void properties(FormComponent c, String at) {
        ComponentType type = c.type();
        if (type == ComponentType.TextNote && c.required()) {
            unexpected(at, "required", type);
        }
        if (Kinds.SELECTS.contains(type)) {
            options(c.options(), at);
        } else if (!c.options().isEmpty()) {
            unexpected(at, "options", type);
        }
        if (Kinds.NUMERIC.contains(type)) {
            if (c.min() != null && c.max() != null && c.min().compareTo(c.max()) > 0) {
                add(at + ".max", "approval.component_range_invalid", "The maximum is below the minimum.");
            }
        } else {
            if (c.min() != null) {
                unexpected(at, "min", type);
            }
            if (c.max() != null) {
                unexpected(at, "max", type);
            }
        }
        if (Kinds.TEXT.contains(type)) {
            if (c.maxLength() != null && (c.maxLength() < 1 || c.maxLength() > MAX_TEXT_LIMIT)) {
                add(at + ".maxLength", "approval.component_max_length_invalid",
                        "A text limit is between 1 and " + MAX_TEXT_LIMIT + " characters.");
            }
        } else if (c.maxLength() != null) {
            unexpected(at, "maxLength", type);
        }
        if (type == ComponentType.MoneyField) {
            if (c.currency() != null && !isCurrency(c.currency())) {
                add(at + ".currency", "approval.component_currency_invalid",
                        "A currency is an ISO 4217 code such as HKD.");
            }
        } else if (c.currency() != null) {
            unexpected(at, "currency", type);
        }
        if (Kinds.DATES.contains(type)) {
            if (c.format() != null && !c.format().equals(Kinds.DATE) && !c.format().equals(Kinds.DATE_TIME)) {
                add(at + ".format", "approval.component_format_invalid",
                        "A date format is yyyy-MM-dd or yyyy-MM-dd HH:mm.");
            }
        } else if (c.format() != null) {
            unexpected(at, "format", type);
        }
        if (type == ComponentType.TableField) {
            if (c.children().isEmpty()) {
                add(at + ".children", "approval.component_children_invalid", "A table needs at least one column.");
            } else {
                level(c.children(), at + ".children", true);
            }
        } else if (!c.children().isEmpty()) {
            unexpected(at, "children", type);
        }
    }

    private void options(List<String> options, String at) {
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            add(at + ".options", "approval.component_options_invalid",
                    "A select has 1 to " + MAX_OPTIONS + " options.");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (option == null || option.isBlank() || option.length() > MAX_OPTION_LENGTH
                    || !option.equals(option.strip()) || !seen.add(option)) {
                add(at + ".options", "approval.component_options_invalid",
                        "Options are distinct, not blank, without outer spaces, and up to "
                                + MAX_OPTION_LENGTH + " characters.");
                return;
            }
        }
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void unexpected(String at, String property, ComponentType type) {
        add(at + "." + property, "approval.component_property_unexpected",
                "A " + type + " has no " + property + ".");
    }

    private void add(String field, String code, String message) {
        violations.add(new FieldViolation(field, code, message));
    }
}
