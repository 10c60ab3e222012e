package hk.lantau.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** DingTalk's documented request and response examples under {@code src/test/resources/compat/}. */
final class CompatFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CompatFixtures() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = CompatFixtures.class.getResourceAsStream("/compat/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The member names of a JSON object. */
    static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
