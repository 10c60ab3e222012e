package hk.lantau.web.apps;

import hk.lantau.shared.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scopes grouped for the form by what they reach; {@code key} names the group's title in the messages. */
record ScopeGroup(String key, List<Scope> scopes) {

    static List<ScopeGroup> all() {
        Map<String, List<Scope>> groups = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            groups.computeIfAbsent(group(scope), k -> new ArrayList<>()).add(scope);
        }
        return groups.entrySet().stream().map(e -> new ScopeGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static String group(Scope scope) {
        String prefix = scope.key().substring(0, scope.key().indexOf('.'));
        return switch (prefix) {
            case "user", "department" -> "directory";
            case "role" -> "roles";
            case "pii" -> "personal_data";
            case "audit" -> "audit";
            default -> "events";
        };
    }
}
