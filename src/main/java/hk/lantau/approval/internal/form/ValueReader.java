package hk.lantau.approval.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.FormComponent;
import hk.lantau.shared.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reads one submitted value into its canonical DingTalk encoding, or says what is wrong with it. */
final class ValueReader {

    static final int MAX_ROWS = 200;
    static final int MAX_PEOPLE = 100;
    static final int MAX_DEPARTMENTS = 100;
    static final int MAX_ATTACHMENTS = 50;

    private ValueReader() {
    }

    /** The canonical value, {@code ""} when empty or refused; problems go to {@code out} under {@code path}. */
    static String read(FormComponent c, String raw, String path, List<FieldViolation> out) {
        if (isBlank(c, raw)) {
            if (c.required()) {
                out.add(new FieldViolation(path, "approval.field_required", c.label() + " is required."));
            }
            return "";
        }
        try {
            if (c.type() == ComponentType.TableField) {
                return table(c, raw, path, out);
            }
            return value(c, raw);
        } catch (FieldProblem p) {
            out.add(new FieldViolation(path, p.code(), p.getMessage()));
            return "";
        }
    }

    private static boolean isBlank(FormComponent c, String raw) {
        if (raw == null || raw.isBlank()) {
            return true;
        }
        boolean listLike = Kinds.LISTS.contains(c.type()) || c.type() == ComponentType.TableField;
        return listLike && raw.strip().matches("\\[\\s*]");
    }

    private static String value(FormComponent c, String raw) {
        return switch (c.type()) {
            case TextField, TextareaField -> text(c, raw);
            case NumberField -> inRange(c, number(raw)).toPlainString();
            case MoneyField -> inRange(c, money(raw)).toPlainString();
            case DDSelectField -> select(c, raw);
            case DDMultiSelectField -> Encodings.array(multiSelect(c, raw));
            case DDDateField -> Encodings.formatDate(date(raw, Kinds.format(c)));
            case DDDateRangeField -> Encodings.array(range(c, raw));
            case InnerContactField -> Encodings.array(ids(raw, MAX_PEOPLE,
                    id -> Kinds.USER_ID.matcher(id).matches(), "approval.field_user_invalid",
                    "A person is named by their userid."));
            case DepartmentField -> Encodings.array(departments(raw));
            case DDAttachment -> Encodings.array(ids(raw, MAX_ATTACHMENTS,
                    id -> Kinds.ATTACHMENT_ID.matcher(id).matches(), "approval.field_attachment_invalid",
                    "An attachment is named by its file id."));
            case TableField, TextNote -> throw new IllegalStateException("not a scalar: " + c.type());
        };
    }

    private static String text(FormComponent c, String raw) {
        int limit = Kinds.maxLength(c);
        if (raw.codePointCount(0, raw.length()) > limit) {
            throw new FieldProblem("approval.field_too_long", "Enter at most " + limit + " characters.");
        }
        return raw;
    }

    private static BigDecimal number(String raw) {
        BigDecimal n = Encodings.number(raw);
        if (n == null) {
            throw new FieldProblem("approval.field_not_a_number", "Enter a number.");
        }
        return n;
    }

    private static BigDecimal money(String raw) {
        BigDecimal n = number(raw);
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 2) {
            throw new FieldProblem("approval.field_money_invalid",
                    "Enter an amount of zero or more with at most two decimals.");
        }
        return n;
    }

    private static BigDecimal inRange(FormComponent c, BigDecimal n) {
        if ((c.min() != null && n.compareTo(c.min()) < 0) || (c.max() != null && n.compareTo(c.max()) > 0)) {
            String min = c.min() == null ? "" : c.min().toPlainString();
            String max = c.max() == null ? "" : c.max().toPlainString();
            throw new FieldProblem("approval.field_out_of_range", "Enter a number within " + min + ".." + max + ".");
        }
        return n;
    }

    private static String select(FormComponent c, String raw) {
        String s = raw.strip();
        if (c.options().contains(s)) {
            return s;
        }
        if (s.startsWith("[")) {
            List<String> one = Encodings.list(s);
            if (one.size() == 1 && c.options().contains(one.get(0))) {
                return one.get(0);
            }
        }
        throw notAnOption();
    }

    private static Set<String> multiSelect(FormComponent c, String raw) {
        String s = raw.strip();
        // A whole string that is an option wins over splitting it at its commas.
        List<String> chosen = c.options().contains(s) ? List.of(s) : Encodings.list(s);
        for (String option : chosen) {
            if (!c.options().contains(option)) {
                throw notAnOption();
            }
        }
        return new LinkedHashSet<>(chosen);
    }

    private static FieldProblem notAnOption() {
        return new FieldProblem("approval.field_not_an_option", "Choose one of the options offered.");
    }

    private static Object date(String raw, String format) {
        Object date = Encodings.date(raw, format);
        if (date == null) {
            throw new FieldProblem("approval.field_date_invalid", "Enter a date as " + format + ".");
        }
        return date;
    }

    private static List<String> range(FormComponent c, String raw) {
        List<String> parts = Encodings.list(raw);
        if (parts.size() != 2) {
            throw new FieldProblem("approval.field_date_range_invalid", "Enter a start and an end.");
        }
        Object start = date(parts.get(0), Kinds.format(c));
        Object end = date(parts.get(1), Kinds.format(c));
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean backwards = ((Comparable) start).compareTo(end) > 0;
        if (backwards) {
            throw new FieldProblem("approval.field_date_range_invalid", "The end is before the start.");
        }
        return List.of(Encodings.formatDate(start), Encodings.formatDate(end));
    }

    private static Set<String> ids(String raw, int max, Predicate<String> wellFormed, String code, String message) {
        Set<String> ids = new LinkedHashSet<>(Encodings.list(raw));
        if (ids.size() > max) {
            throw new FieldProblem("approval.field_too_many", "Choose at most " + max + ".");
        }
        for (String id : ids) {
            if (!wellFormed.test(id)) {
                throw new FieldProblem(code, message);
            }
        }
        return ids;
    }

    private static Set<Long> departments(String raw) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : Encodings.list(raw)) {
            long id;
            try {
                id = Long.parseLong(part);
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id <= 0) {
                throw new FieldProblem("approval.field_department_invalid", "A department is named by its id.");
            }
            ids.add(id);
        }
        if (ids.size() > MAX_DEPARTMENTS) {
            throw new FieldProblem("approval.field_too_many", "Choose at most " + MAX_DEPARTMENTS + ".");
        }
        return ids;
    }

    /** Rows as an array of arrays of {@code {id|name, value}}; empty rows are dropped. */
    private static String table(FormComponent table, String raw, String path, List<FieldViolation> out) {
        JsonNode rows = Encodings.tree(raw.strip());
        if (!rows.isArray()) {
            throw Encodings.malformed();
        }
        if (rows.size() > MAX_ROWS) {
            throw new FieldProblem("approval.field_too_many", "A table has at most " + MAX_ROWS + " rows.");
        }
        ArrayNode canonical = Encodings.JSON.createArrayNode();
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = path + "[" + i + "]";
            Map<String, String> cells = cells(table, rows.get(i), rowPath, out);
            if (cells == null || cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            ArrayNode row = canonical.addArray();
            for (FormComponent column : table.children()) {
                String value = read(column, cells.get(column.id()), rowPath + "." + column.id(), out);
                ObjectNode cell = row.addObject();
                cell.put("id", column.id());
                cell.put("name", column.label());
                cell.put("value", value);
            }
        }
        if (canonical.isEmpty()) {
            if (table.required()) {
                out.add(new FieldViolation(path, "approval.field_required", table.label() + " is required."));
            }
            return "";
        }
        return canonical.toString();
    }

    /** A row's cells by column id; null when the row is refused as a whole. */
    private static Map<String, String> cells(FormComponent table, JsonNode row, String rowPath,
                                             List<FieldViolation> out) {
        if (row.isObject() && row.has("rowValue")) {
            row = row.get("rowValue");
        }
        if (!row.isArray()) {
            FieldProblem p = Encodings.malformed();
            out.add(new FieldViolation(rowPath, p.code(), p.getMessage()));
            return null;
        }
        Map<String, String> cells = new HashMap<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (JsonNode cell : row) {
            String key = cell.isObject() ? key(cell) : null;
            FormComponent column = cell.isObject() ? column(table, cell) : null;
            if (column == null) {
                problems.add(new FieldViolation(rowPath + "." + (key == null ? "?" : key), "approval.field_unknown",
                        "The table has no such column."));
            } else if (cells.containsKey(column.id())) {
                problems.add(new FieldViolation(rowPath + "." + column.id(), "approval.field_duplicate",
                        "The column has two values in this row."));
            } else {
                cells.put(column.id(), Encodings.text(cell.get("value")));
            }
        }
        out.addAll(problems);
        return problems.isEmpty() ? cells : null;
    }

    private static String key(JsonNode cell) {
        for (String name : List.of("id", "key", "name", "label")) {
            JsonNode key = cell.get(name);
            if (key != null && key.isTextual() && !key.asText().isBlank()) {
                return key.asText();
            }
        }
        return null;
    }

    /** The column a cell names by id, or by label as DingTalk's {@code name}. */
    private static FormComponent column(FormComponent table, JsonNode cell) {
        for (String name : List.of("id", "key", "name", "label")) {
            JsonNode key = cell.get(name);
            if (key == null || !key.isTextual()) {
                continue;
            }
            for (FormComponent c : table.children()) {
                if (key.asText().equals(c.id())) {
                    return c;
                }
            }
            for (FormComponent c : table.children()) {
                if (c.label() != null && key.asText().strip().equals(c.label().strip())) {
                    return c;
                }
            }
        }
        return null;
    }
}
