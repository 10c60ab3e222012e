package hk.lantau.attendance.internal;

import hk.lantau.directory.Audiences;
import hk.lantau.directory.DepartmentNode;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Everyone who belongs to an attendance group, with their group, read once per organisation. */
@Component
class Members {

    private static final int PAGE = 1000;

    private final GroupRepository groups;
    private final Directory directory;
    private final Departments departments;
    private final Audiences audiences;

    Members(GroupRepository groups, Directory directory, Departments departments, Audiences audiences) {
        this.groups = groups;
        this.directory = directory;
        this.departments = departments;
        this.audiences = audiences;
    }

    /** Active people to the id of their group, in userid order. */
    Map<String, Long> activeMembers(long tenantId) {
        Map<String, Long> direct = groups.userGroups(tenantId);
        Map<Long, Long> departmentGroups = groups.departmentGroups(tenantId);
        TreeSet<String> candidates = new TreeSet<>(direct.keySet());
        if (!departmentGroups.isEmpty()) {
            List<Long> named = List.copyOf(departmentGroups.keySet());
            String after = null;
            while (true) {
                List<String> page = audiences.activeMembers(tenantId, named, after, PAGE);
                candidates.addAll(page);
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1);
            }
        }
        Map<Long, Long> parents = departmentGroups.isEmpty() ? Map.of() : parents(tenantId);
        Map<String, Long> members = new LinkedHashMap<>();
        for (String userId : candidates) {
            directory.findUser(tenantId, userId).filter(DirectoryUser::active).ifPresent(user ->
                    GroupResolver.resolve(direct.get(userId), user.departmentIds(), departmentGroups, parents::get)
                            .ifPresent(group -> members.put(userId, group)));
        }
        return members;
    }

    private Map<Long, Long> parents(long tenantId) {
        Map<Long, Long> parents = new HashMap<>();
        List<DepartmentNode> unvisited = new ArrayList<>(List.of(departments.tree(tenantId)));
        while (!unvisited.isEmpty()) {
            DepartmentNode node = unvisited.remove(unvisited.size() - 1);
            for (DepartmentNode child : node.children()) {
                parents.put(child.department().id(), node.department().id());
                unvisited.add(child);
            }
        }
        return parents;
    }
}
