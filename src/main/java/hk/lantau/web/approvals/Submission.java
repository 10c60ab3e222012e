package hk.lantau.web.approvals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import hk.lantau.approval.ApproverSource;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.BranchStep;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormValue;
import hk.lantau.approval.NewInstance;
import hk.lantau.approval.ProcessStep;
import hk.lantau.approval.TemplateView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The submission form as posted: values named {@code v.<id>} (several for multi-selects, people and
 * departments; {@code .start} and {@code .end} for ranges; {@code v.<table>.<row>.<column>} for
 * table cells with {@code rows.<table>} rows), and {@code choice.<key>} for the approvers the
 * originator names. Templates read the posted values back through it, so a refused form keeps them.
 */
public final class Submission {

    static final int MAX_ROWS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateView template;
    private final List<FormComponent> form;
    private final MultiValueMap<String, String> params;

    Submission(TemplateView template, MultiValueMap<String, String> params) {
        this(template, template.definition().form(), params);
    }

    private Submission(TemplateView template, List<FormComponent> form, MultiValueMap<String, String> params) {
        this.template = template;
        this.form = form;
        this.params = params == null ? new LinkedMultiValueMap<>() : new LinkedMultiValueMap<>(params);
    }

    /**
     * The same posted form for any components drawn with {@code approvals/fields} (smart forms draw
     * theirs with it); {@code params} may be null for an empty form.
     */
    public static Submission of(List<FormComponent> form, MultiValueMap<String, String> params) {
        return new Submission(null, form, params);
    }

    /** The first value posted under the name, or an empty string. */
    public String one(String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    /** The non-blank values posted under the name. */
    public List<String> many(String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** How many rows a table shows: as many as posted (at least one), and one more when "add row" was pressed. */
    public int rows(String tableId) {
        int rows = 1;
        try {
            rows = Math.max(1, Integer.parseInt(one("rows." + tableId)));
        } catch (NumberFormatException ignored) {
            // First render, or a hand-made request: one row.
        }
        if (tableId.equals(params.getFirst("addRow"))) {
            rows++;
        }
        return Math.min(rows, MAX_ROWS);
    }

    public List<Integer> rowIndexes(String tableId) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < rows(tableId); i++) {
            indexes.add(i);
        }
        return indexes;
    }

    /** The name an uploaded file had, kept beside its id so a form drawn again can show it. */
    public String fileName(String fileId) {
        String name = params.getFirst("n." + fileId);
        return name == null || name.isBlank() ? fileId : name;
    }

    /** Files uploaded for an attachment component join its value, with their names. */
    void addUploads(String componentId, List<hk.lantau.approval.AttachmentRef> files) {
        for (hk.lantau.approval.AttachmentRef file : files) {
            params.add("v." + componentId, file.fileId());
            params.set("n." + file.fileId(), file.fileName());
        }
    }

    /** Whether this post only asked for another table row. */
    public boolean addingRow() {
        return params.getFirst("addRow") != null;
    }

    /** Each value-taking component's posted value in DingTalk's encoding, as the form rules read it. */
    public List<FormValue> formValues() {
        List<FormValue> values = new ArrayList<>();
        for (FormComponent c : form) {
            if (c.type().takesValue()) {
                values.add(new FormValue(c.id(), null, encode(c, "v." + c.id()), null));
            }
        }
        return values;
    }

    NewInstance toNewInstance(Long departmentId, String clientRequestId) {
        List<FormValue> values = formValues();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (ChoiceStep step : choiceSteps(template.definition().process())) {
            choices.put(step.key(), many("choice." + step.key()));
        }
        return new NewInstance(template.processCode(), null, departmentId, values, choices, List.of(), clientRequestId);
    }

    private String encode(FormComponent c, String name) {
        return switch (c.type()) {
            case DDMultiSelectField, InnerContactField, DepartmentField, DDAttachment -> array(many(name));
            case DDDateRangeField -> {
                String start = dateTime(one(name + ".start"));
                String end = dateTime(one(name + ".end"));
                yield start.isBlank() && end.isBlank() ? "" : array(List.of(start, end));
            }
            case DDDateField -> dateTime(one(name));
            case TableField -> table(c);
            default -> one(name);
        };
    }

    private String table(FormComponent table) {
        ArrayNode rows = JSON.createArrayNode();
        boolean any = false;
        for (int r = 0; r < rows(table.id()); r++) {
            ArrayNode row = rows.addArray();
            for (FormComponent column : table.children()) {
                String value = encode(column, "v." + table.id() + "." + r + "." + column.id());
                any |= !value.isBlank();
                row.addObject().put("id", column.id()).put("value", value);
            }
        }
        return any ? rows.toString() : "";
    }

    /** A browser's datetime-local value as the engine writes it: {@code yyyy-MM-dd HH:mm}. */
    private static String dateTime(String value) {
        return value.replace('T', ' ').strip();
    }

    private static String array(List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    /** The steps, also inside branches, where the originator names the approvers or CCs. */
    static List<ChoiceStep> choiceSteps(List<ProcessStep> steps) {
        Map<String, ChoiceStep> found = new LinkedHashMap<>();
        collect(steps, found);
        return List.copyOf(found.values());
    }

    private static void collect(List<ProcessStep> steps, Map<String, ChoiceStep> found) {
        for (ProcessStep step : steps) {
            if (step instanceof ApproverStep a) {
                choice(a.approvers(), a.name(), found);
            } else if (step instanceof hk.lantau.approval.CcStep cc) {
                choice(cc.recipients(), cc.name(), found);
            } else if (step instanceof BranchStep b) {
                b.branches().forEach(branch -> collect(branch.steps(), found));
            }
        }
    }

    private static void choice(ApproverSource source, String name, Map<String, ChoiceStep> found) {
        if (source != null && source.kind() == ApproverSource.ApproverKind.ORIGINATOR_CHOICE
                && source.choiceKey() != null) {
            found.putIfAbsent(source.choiceKey(), new ChoiceStep(source.choiceKey(), name));
        }
    }

    /** A step whose people the originator names, under {@code key}. */
    public record ChoiceStep(String key, String name) {
    }
}
