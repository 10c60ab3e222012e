package hk.lantau.approval.internal.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instance titles from a template's {@code titleTemplate}: <code>${originatorName}</code>,
 * <code>${templateName}</code>, <code>${field.id}</code> and <code>${var.key}</code>; an unknown or
 * empty placeholder becomes empty text.
 */
final class Titles {

    static final String DEFAULT = "${originatorName}'s ${templateName}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)(?:\\.([A-Za-z0-9_-]+))?}");
    private static final int MAX = 300;

    private Titles() {
    }

    static String render(String template, String originatorName, String templateName, Map<String, String> fields,
                         Map<String, String> variables) {
        String source = template == null || template.isBlank() ? DEFAULT : template;
        Matcher matcher = PLACEHOLDER.matcher(source);
        StringBuilder title = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "originatorName" -> originatorName;
                case "templateName" -> templateName;
                case "field" -> matcher.group(2) == null ? null : fields.get(matcher.group(2));
                case "var" -> matcher.group(2) == null ? null : variables.get(matcher.group(2));
                default -> null;
            };
            matcher.appendReplacement(title, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(title);
        String text = title.toString().strip();
        return text.length() > MAX ? text.substring(0, MAX) : text;
    }
}
