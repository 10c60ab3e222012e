package hk.lantau.approval.internal.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.InstanceView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A submission that passed its form: every value-taking component in form order with its value in
 * DingTalk's encoding, and the same values typed. Each value keeps a copy of its component, so a
 * stored submission reads the same after the template changes.
 */
public final class SubmittedForm {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private final List<Entry> entries;
    private final Map<String, Object> typed = new HashMap<>();

    SubmittedForm(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            typed.put(e.component().id(), typed(e.component(), e.value()));
        }
    }

    /** Every value-taking component in form order; an unanswered one has the value {@code ""}. */
    public List<InstanceView.SubmittedValue> values() {
        return entries.stream().map(e -> new InstanceView.SubmittedValue(e.component().id(), e.component().label(),
                e.component().type(), e.value(), e.extValue(), e.component().bizAlias())).toList();
    }

    /**
     * The value of a component, typed: String for text and selects, BigDecimal for numbers and
     * money, List of String for multi-selects, people and attachments, List of Long for
     * departments, LocalDate or LocalDateTime for dates, a two-element List of those for ranges,
     * and for tables a List of rows, each a Map from column id to its typed value. Null when the
     * component was not answered or is not on the form.
     */
    public Object typed(String componentId) {
        return typed.get(componentId);
    }

    /** The component as it was when the form was submitted; null when it is not on the form. */
    public FormComponent component(String componentId) {
        for (Entry e : entries) {
            if (e.component().id().equals(componentId)) {
                return e.component();
            }
        }
        return null;
    }

    /** The userids named by contact fields, also inside tables, for the engine to check exist. */
    public Set<String> referencedUserIds() {
        Set<String> ids = new LinkedHashSet<>();
        collect(ComponentType.InnerContactField, ids);
        return Collections.unmodifiableSet(ids);
    }

    /** The department ids named by department fields, also inside tables. */
    public Set<Long> referencedDepartmentIds() {
        Set<Long> ids = new LinkedHashSet<>();
        collect(ComponentType.DepartmentField, ids);
        return Collections.unmodifiableSet(ids);
    }

    /** The attachment ids of attachment fields, also inside tables, in form order. */
    public List<String> attachmentIds() {
        Set<String> ids = new LinkedHashSet<>();
        collect(ComponentType.DDAttachment, ids);
        return List.copyOf(ids);
    }

    @SuppressWarnings("unchecked")
    private <T> void collect(ComponentType type, Set<T> into) {
        for (Entry e : entries) {
            Object value = typed.get(e.component().id());
            if (value == null) {
                continue;
            }
            if (e.component().type() == type) {
                into.addAll((List<T>) value);
            } else if (e.component().type() == ComponentType.TableField) {
                for (Map<String, Object> row : (List<Map<String, Object>>) value) {
                    for (FormComponent column : e.component().children()) {
                        if (column.type() == type && row.get(column.id()) != null) {
                            into.addAll((List<T>) row.get(column.id()));
                        }
                    }
                }
            }
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new Stored(entries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A submitted form could not be written", e);
        }
    }

    public static SubmittedForm fromJson(String json) {
        try {
            return new SubmittedForm(JSON.readValue(json, Stored.class).values());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a stored submitted form", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubmittedForm other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    private static Object typed(FormComponent c, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (c.type()) {
            case TextField, TextareaField, DDSelectField -> value;
            case NumberField, MoneyField -> new BigDecimal(value);
            case DDMultiSelectField, InnerContactField, DDAttachment -> strings(value);
            case DepartmentField -> strings(value).stream().map(Long::valueOf).toList();
            case DDDateField -> Encodings.date(value, Kinds.format(c));
            case DDDateRangeField -> strings(value).stream().map(d -> Encodings.date(d, Kinds.format(c))).toList();
            case TableField -> rows(c, value);
            case TextNote -> null;
        };
    }

    private static List<String> strings(String array) {
        List<String> out = new ArrayList<>();
        Encodings.tree(array).forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static List<Map<String, Object>> rows(FormComponent table, String value) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : Encodings.tree(value)) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (JsonNode cell : row) {
                String id = cell.get("id").asText();
                FormComponent column = table.children().stream().filter(c -> c.id().equals(id)).findFirst()
                        .orElseThrow();
                cells.put(id, typed(column, cell.get("value").asText()));
            }
            rows.add(Collections.unmodifiableMap(cells));
        }
        return List.copyOf(rows);
    }

    /** One answered component: a copy of the component, the canonical value and DingTalk's extValue. */
    record Entry(FormComponent component, String value, String extValue) {
        Entry {
            value = value == null ? "" : value;
        }
    }

    private record Stored(List<Entry> values) {
    }
}
