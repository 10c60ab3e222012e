package hk.lantau.web.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.AttachmentRef;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.InstanceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A submitted value as the instance page shows it: plain text, a list (options, people by name,
 * departments by name), or a table with its column labels.
 */
public record ShownValue(String label, String text, List<String> items, List<String> columns,
                         List<List<String>> rows, List<AttachmentRef> files) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isTable() {
        return !columns.isEmpty();
    }

    public boolean isList() {
        return !items.isEmpty();
    }

    public boolean hasFiles() {
        return !files.isEmpty();
    }

    static ShownValue of(InstanceView.SubmittedValue v, Map<String, String> people, Map<Long, String> departments) {
        return of(v.name(), v.componentType(), v.value(), people, departments);
    }

    /** Attachments by their file ids, named as the history recorded them. */
    static ShownValue files(InstanceView.SubmittedValue v, Map<String, AttachmentRef> known) {
        if (v.value() == null || v.value().isBlank()) {
            return text(v.name(), "");
        }
        List<AttachmentRef> files = strings(v.value()).stream()
                .map(id -> known.getOrDefault(id, new AttachmentRef(id, id, 0, null))).toList();
        return new ShownValue(v.name(), "", List.of(), List.of(), List.of(), files);
    }

    private static ShownValue of(String label, ComponentType type, String value, Map<String, String> people,
                                 Map<Long, String> departments) {
        if (value == null || value.isBlank()) {
            return text(label, "");
        }
        return switch (type) {
            case DDMultiSelectField, DDAttachment -> list(label, strings(value));
            case InnerContactField -> list(label, strings(value).stream().map(id -> people.getOrDefault(id, id)).toList());
            case DepartmentField -> list(label, strings(value).stream()
                    .map(id -> departments.getOrDefault(parse(id), id)).toList());
            case DDDateRangeField -> text(label, String.join(" – ", strings(value)));
            case MoneyField -> text(label, value);
            case TableField -> table(label, value, people, departments);
            default -> text(label, value);
        };
    }

    private static ShownValue table(String label, String value, Map<String, String> people,
                                    Map<Long, String> departments) {
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        JsonNode tree = tree(value);
        for (JsonNode row : tree) {
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : row) {
                if (rows.isEmpty()) {
                    columns.add(cell.path("name").asText(cell.path("id").asText()));
                }
                cells.add(cell.path("value").asText());
            }
            rows.add(cells);
        }
        return new ShownValue(label, "", List.of(), columns.isEmpty() ? List.of(label) : columns, rows, List.of());
    }

    private static ShownValue text(String label, String text) {
        return new ShownValue(label, text, List.of(), List.of(), List.of(), List.of());
    }

    private static ShownValue list(String label, List<String> items) {
        return new ShownValue(label, "", items, List.of(), List.of(), List.of());
    }

    private static List<String> strings(String value) {
        List<String> out = new ArrayList<>();
        JsonNode tree = tree(value);
        if (tree.isArray()) {
            tree.forEach(item -> out.add(item.isValueNode() ? item.asText() : item.toString()));
        } else {
            out.add(value);
        }
        return out;
    }

    private static JsonNode tree(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(value);
        }
    }

    private static Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
