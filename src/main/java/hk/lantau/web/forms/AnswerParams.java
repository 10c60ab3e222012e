package hk.lantau.web.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.InstanceView.SubmittedValue;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A stored answer as the fields post it ({@code v.<id>}, several for lists, {@code .start} and
 * {@code .end} for ranges, cells and {@code rows.<table>} for tables), so the page shows my answer
 * to change.
 */
final class AnswerParams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerParams() {
    }

    static MultiValueMap<String, String> of(List<FormComponent> form, List<SubmittedValue> answer) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (SubmittedValue v : answer) {
            form.stream().filter(c -> c.id().equals(v.id())).findFirst()
                    .ifPresent(c -> put(params, c, "v." + c.id(), v.value()));
        }
        return params;
    }

    private static void put(MultiValueMap<String, String> params, FormComponent c, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        switch (c.type()) {
            case DDMultiSelectField, InnerContactField, DepartmentField -> array(value).forEach(n ->
                    params.add(name, n.asText()));
            case DDDateRangeField -> {
                JsonNode range = array(value);
                params.add(name + ".start", range.path(0).asText());
                params.add(name + ".end", range.path(1).asText());
            }
            case TableField -> {
                JsonNode rows = array(value);
                params.add("rows." + c.id(), String.valueOf(Math.max(1, rows.size())));
                for (int r = 0; r < rows.size(); r++) {
                    for (JsonNode cell : rows.get(r)) {
                        String id = cell.path("id").asText();
                        int row = r;
                        c.children().stream().filter(col -> col.id().equals(id)).findFirst().ifPresent(col ->
                                put(params, col, name + "." + row + "." + id, cell.path("value").asText()));
                    }
                }
            }
            default -> params.add(name, value);
        }
    }

    private static JsonNode array(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.createArrayNode();
        }
    }
}
