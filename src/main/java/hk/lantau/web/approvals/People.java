package hk.lantau.web.approvals;

import hk.lantau.directory.Department;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import hk.lantau.web.shell.Colleagues;
import hk.lantau.web.shell.Person;
import org.springframework.stereotype.Component;

/** Names of the people and departments approvals refer to by id, for showing them. */
@Component
class People {

    private final Directory directory;
    private final Departments departments;
    private final Colleagues colleagues;

    People(Directory directory, Departments departments, Colleagues colleagues) {
        this.directory = directory;
        this.departments = departments;
        this.colleagues = colleagues;
    }

    /** The person first, then every active colleague by name: whom a filter or a step may name. */
    List<Colleague> everyone(Person me) {
        List<Colleague> everyone = new ArrayList<>();
        everyone.add(new Colleague(me.userId(), me.name()));
        colleagues.of(me, null).forEach(p -> everyone.add(new Colleague(p.userId(), p.name())));
        return everyone;
    }

    /** Each userid with its person's name; one no longer found keeps its userid. */
    Map<String, String> names(long tenantId, Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : userIds) {
            if (id != null && !names.containsKey(id)) {
                names.put(id, directory.findUser(tenantId, id).map(DirectoryUser::name).orElse(id));
            }
        }
        return names;
    }

    DirectoryUser user(long tenantId, String userId) {
        return directory.findUser(tenantId, userId).orElse(null);
    }

    /** Every department, depth first, with its depth for indenting. */
    List<DepartmentChoice> departments(long tenantId) {
        List<DepartmentChoice> out = new ArrayList<>();
        walk(departments.tree(tenantId), 0, out);
        return out;
    }

    Map<Long, String> departmentNames(long tenantId) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (DepartmentChoice d : departments(tenantId)) {
            names.put(d.id(), d.name());
        }
        return names;
    }

    private static void walk(DepartmentNode node, int depth, List<DepartmentChoice> out) {
        Department d = node.department();
        out.add(new DepartmentChoice(d.id(), d.name(), depth));
        for (DepartmentNode child : node.children()) {
            walk(child, depth + 1, out);
        }
    }

    /** Someone a picker offers. */
    record Colleague(String userId, String name) {
    }

    /** A department as a select offers it; {@code label} indents it under its parent. */
    record DepartmentChoice(long id, String name, int depth) {

        public String label() {
            return "\u00a0\u00a0".repeat(depth) + name;
        }
    }
}
