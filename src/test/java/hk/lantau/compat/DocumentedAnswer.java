package hk.lantau.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * DingTalk's documented example answer, compared with Lantau's by structure, not by value: every
 * documented member is answered, at the same nesting, with the same JSON type (number, string,
 * boolean, array, object). Members Lantau deliberately leaves out are named as absent (dotted paths,
 * arrays transparent, as {@code result.list.avatar}); each is a difference listed in docs/compat.md.
 */
final class DocumentedAnswer {

    /** A fixture's own remarks, not part of DingTalk's example. */
    private static final Set<String> REMARKS = Set.of("note", "source");

    private final JsonNode documented;
    private final Set<String> absent = new TreeSet<>();
    private boolean valuesAsStrings;

    private DocumentedAnswer(JsonNode documented) {
        this.documented = documented;
    }

    static DocumentedAnswer of(String fixture) {
        return of(CompatFixtures.fixture(fixture));
    }

    /** An example held inside a fixture, such as its {@code body}. */
    static DocumentedAnswer of(JsonNode example) {
        return new DocumentedAnswer(example);
    }

    /** Members Lantau does not answer; the comparison fails if one of them is answered after all. */
    DocumentedAnswer absent(String... paths) {
        absent.addAll(List.of(paths));
        return this;
    }

    /**
     * For examples that write every value as a string ({@code "errcode":"0"}, {@code "has_more":"true"},
     * a list as one object) where the page's own field table gives numbers, booleans and arrays: such a
     * string then also matches a number, boolean or array, and an object an array of such objects.
     */
    DocumentedAnswer valuesAsStrings() {
        valuesAsStrings = true;
        return this;
    }

    void assertCarriedBy(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        compare("", documented, answer, problems);
        assertThat(problems).as("differences from DingTalk's example in %s", answer).isEmpty();
    }

    private void compare(String path, JsonNode doc, JsonNode actual, List<String> problems) {
        if (doc.isObject()) {
            if (actual.isArray() && valuesAsStrings) {
                actual.forEach(element -> compare(path, doc, element, problems));
            } else if (!actual.isObject()) {
                problems.add(path + ": object documented, " + actual.getNodeType() + " answered");
            } else {
                members(path, doc, actual, problems);
            }
        } else if (doc.isArray()) {
            if (!actual.isArray()) {
                problems.add(path + ": array documented, " + actual.getNodeType() + " answered");
            } else if (!doc.isEmpty()) {
                if (actual.isEmpty()) {
                    problems.add(path + ": empty, so its elements cannot be compared");
                }
                actual.forEach(element -> compare(path, doc.get(0), element, problems));
            }
        } else if (!doc.isNull() && !sameType(doc, actual)) {
            problems.add(path + ": " + doc.getNodeType() + " documented, " + actual.getNodeType() + " answered");
        }
    }

    private void members(String path, JsonNode doc, JsonNode actual, List<String> problems) {
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (path.isEmpty() && REMARKS.contains(name)) {
                continue;
            }
            String member = path.isEmpty() ? name : path + "." + name;
            JsonNode value = actual.get(name);
            boolean answered = value != null && !value.isNull();
            if (absent.contains(member)) {
                if (answered) {
                    problems.add(member + ": named as absent but answered");
                }
            } else if (!answered) {
                problems.add(member + ": missing");
            } else {
                compare(member, doc.get(name), value, problems);
            }
        }
    }

    private boolean sameType(JsonNode doc, JsonNode actual) {
        if (doc.getNodeType() == actual.getNodeType()) {
            return true;
        }
        if (!valuesAsStrings || !doc.isTextual()) {
            return false;
        }
        String text = doc.asText();
        return actual.isNumber() && text.matches("-?\\d+")
                || actual.isBoolean() && (text.equals("true") || text.equals("false"))
                || actual.isArray() && text.startsWith("[");
    }
}
