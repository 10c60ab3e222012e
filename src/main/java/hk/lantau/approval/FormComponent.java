package hk.lantau.approval;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a template's form. {@code id} is stable across versions and is what conditions,
 * titles and submitted values refer to; {@code label} is what people see. Only the properties
 * that make sense for the {@code type} may be set (options for selects, min and max for numbers
 * and money, children for tables, format for dates).
 *
 * @param bizAlias  an integration's own name for the field, as in DingTalk
 * @param maxLength for text, at most this many characters (default 2,000 for TextareaField, 200 otherwise)
 * @param currency  for MoneyField, an ISO 4217 code (default HKD)
 * @param format    for dates, {@code yyyy-MM-dd} (default) or {@code yyyy-MM-dd HH:mm}
 */
public record FormComponent(String id, ComponentType type, String label, boolean required, String placeholder,
                            String bizAlias, List<String> options, BigDecimal min, BigDecimal max,
                            Integer maxLength, String currency, String format, List<FormComponent> children) {

    public FormComponent {
        options = options == null ? List.of() : List.copyOf(options);
        children = children == null ? List.of() : List.copyOf(children);
    }
}
