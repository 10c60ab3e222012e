package hk.lantau.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
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

    /**
     * A documented form body: the example's values as it sends them (already encoded), and this test's
     * values, encoded, for the members named in {@code replacements}, each of which the example has.
     */
    static String form(JsonNode form, Map<String, ?> replacements) {
        replacements.keySet().forEach(name -> {
            if (!form.has(name)) {
                throw new IllegalArgumentException("the documented form has no " + name);
            }
        });
        StringJoiner body = new StringJoiner("&");
        form.fieldNames().forEachRemaining(name -> body.add(name + "=" + (replacements.containsKey(name)
                ? URLEncoder.encode(String.valueOf(replacements.get(name)), StandardCharsets.UTF_8)
                : form.get(name).asText())));
        return body.toString();
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
