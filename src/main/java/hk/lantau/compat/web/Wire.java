package hk.lantau.compat.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object in DingTalk's field order that leaves out members without a value, as DingTalk does. */
final class Wire {

    private final Map<String, Object> members = new LinkedHashMap<>();

    static Wire object() {
        return new Wire();
    }

    Wire put(String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
        return this;
    }

    Map<String, Object> map() {
        return members;
    }
}
