package hk.lantau.forms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.InstanceView.SubmittedValue;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the forms tables keep as JSON text: components, audiences and answers. */
@Component
class FormsJson {

    private static final TypeReference<List<FormComponent>> COMPONENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SubmittedValue>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    FormsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName(), e);
        }
    }

    <T> T read(String json, Class<T> type) {
        return read(json, mapper.constructType(type));
    }

    List<FormComponent> components(String json) {
        return read(json, mapper.getTypeFactory().constructType(COMPONENTS));
    }

    List<SubmittedValue> values(String json) {
        return read(json, mapper.getTypeFactory().constructType(VALUES));
    }

    List<String> strings(String json) {
        return read(json, mapper.getTypeFactory().constructType(STRINGS));
    }

    List<Long> longs(String json) {
        return read(json, mapper.getTypeFactory().constructType(LONGS));
    }

    private <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON could not be read as " + type, e);
        }
    }
}
