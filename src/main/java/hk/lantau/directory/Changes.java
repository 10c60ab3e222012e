package hk.lantau.directory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@code {from, to}} entries of audit summaries; either side may be {@code null}. */
final class Changes {

    private Changes() {
    }

    static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
