package hk.lantau.web.directory;

import hk.lantau.directory.Department;
import hk.lantau.directory.DepartmentNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One organisation's department tree, indexed for the pages: look-ups, paths and choice lists. */
public final class DepartmentTree {

    private final DepartmentNode root;
    private final Map<Long, DepartmentNode> nodes = new LinkedHashMap<>();
    private final Map<Long, Long> parents = new LinkedHashMap<>();

    public DepartmentTree(DepartmentNode root) {
        this.root = root;
        index(root, null);
    }

    private void index(DepartmentNode node, Long parent) {
        nodes.put(node.department().id(), node);
        parents.put(node.department().id(), parent);
        node.children().forEach(child -> index(child, node.department().id()));
    }

    public DepartmentNode getRoot() {
        return root;
    }

    public Optional<DepartmentNode> find(long id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public String name(long id) {
        DepartmentNode node = nodes.get(id);
        return node == null ? null : node.department().name();
    }

    /** From the root down to the department itself. */
    public List<Department> path(long id) {
        List<Department> path = new ArrayList<>();
        for (Long at = id; at != null && nodes.containsKey(at); at = parents.get(at)) {
            path.add(0, nodes.get(at).department());
        }
        return path;
    }

    /** The department and its ancestors: the branches shown open. */
    public Set<Long> openFor(long id) {
        Set<Long> open = new HashSet<>();
        path(id).forEach(d -> open.add(d.id()));
        return open;
    }

    /** Every department in tree order with its depth, for choice lists. */
    public List<Option> options() {
        return options(null);
    }

    /** Every department except {@code excluded} and its sub-departments: where it may move to. */
    public List<Option> options(Long excluded) {
        List<Option> options = new ArrayList<>();
        collect(root, 0, excluded, options);
        return options;
    }

    private static void collect(DepartmentNode node, int depth, Long excluded, List<Option> into) {
        if (excluded != null && node.department().id() == excluded) {
            return;
        }
        into.add(new Option(node.department().id(), node.department().name(), depth, node.department().virtual()));
        node.children().forEach(child -> collect(child, depth + 1, excluded, into));
    }

    /** A department in a choice list; {@code label} is indented by depth. */
    public record Option(long id, String name, int depth, boolean virtual) {

        public String label() {
            return "\u00a0\u00a0\u00a0".repeat(depth) + name;
        }
    }
}
