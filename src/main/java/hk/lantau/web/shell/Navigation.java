package hk.lantau.web.shell;

import hk.lantau.shared.Actor;
import hk.lantau.shared.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The left navigation: only pages that exist, and only those the person may use. A page added to
 * the console gets its entry here.
 */
final class Navigation {

    private static final List<Entry> ENTRIES = List.of(
            new Entry("nav.section.installation", "nav.organisations", "/operator/organisations", "building",
                    Actor::isOperator),
            new Entry("nav.section.workspace", "nav.home", "/", "home", user(a -> true)),
            new Entry("nav.section.workspace", "nav.chat", "/chat", "chat", user(a -> true)),
            new Entry("nav.section.workspace", "nav.dings", "/dings", "bolt", user(a -> true)),
            new Entry("nav.section.workspace", "nav.notifications", "/notifications", "bell", user(a -> true)),
            new Entry("nav.section.workspace", "nav.approvals", "/approvals", "stamp", user(a -> true)),
            new Entry("nav.section.workspace", "nav.forms", "/forms", "list", user(a -> true)),
            new Entry("nav.section.workspace", "nav.attendance", "/attendance", "clock", user(a -> true)),
            new Entry("nav.section.workspace", "nav.my_attendance", "/attendance/me", "calendar", user(a -> true)),
            new Entry("nav.section.directory", "nav.departments", "/admin/departments", "tree",
                    user(a -> a.can(Permission.DIRECTORY_READ))),
            new Entry("nav.section.directory", "nav.users", "/admin/users", "users",
                    user(a -> a.can(Permission.DIRECTORY_READ))),
            new Entry("nav.section.admin", "nav.organisation", "/admin/organisation", "settings",
                    user(a -> a.can(Permission.ORG_SETTINGS))),
            new Entry("nav.section.admin", "nav.roles", "/admin/roles", "shield",
                    user(a -> a.can(Permission.ROLES_MANAGE))),
            new Entry("nav.section.admin", "nav.security", "/admin/security", "lock",
                    user(a -> a.can(Permission.SECURITY_SETTINGS))),
            new Entry("nav.section.admin", "nav.audit", "/admin/audit", "list",
                    user(a -> a.can(Permission.AUDIT_READ))),
            new Entry("nav.section.admin", "nav.apps", "/admin/apps", "apps",
                    user(a -> a.can(Permission.APPS_MANAGE))),
            new Entry("nav.section.admin", "nav.approval_templates", "/admin/approval-templates", "flow",
                    user(a -> a.can(Permission.APPROVAL_TEMPLATES))),
            new Entry("nav.section.admin", "nav.all_approvals", "/admin/approvals", "stamp",
                    user(a -> a.can(Permission.APPROVAL_READ))),
            new Entry("nav.section.admin", "nav.form_admin", "/admin/forms", "edit",
                    user(a -> a.can(Permission.FORMS_READ))),
            new Entry("nav.section.admin", "nav.attendance_admin", "/admin/attendance", "building",
                    user(a -> a.can(Permission.ATTENDANCE_MANAGE))),
            new Entry("nav.section.admin", "nav.attendance_reports", "/admin/attendance/reports", "list",
                    user(a -> a.can(Permission.ATTENDANCE_READ) && !a.can(Permission.ATTENDANCE_MANAGE))),
            new Entry("nav.section.account", "nav.sessions", "/account/sessions", "devices", a -> true));

    private Navigation() {
    }

    static List<NavSection> of(Actor actor, String path) {
        Map<String, List<NavLink>> sections = new LinkedHashMap<>();
        // Of nested entries (/attendance and /attendance/me) only the closest is current.
        String closest = ENTRIES.stream().map(Entry::href).filter(href -> current(href, path))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
        for (Entry entry : ENTRIES) {
            if (entry.visible().test(actor)) {
                sections.computeIfAbsent(entry.section(), k -> new ArrayList<>())
                        .add(new NavLink(entry.label(), entry.href(), entry.icon(), entry.href().equals(closest)));
            }
        }
        return sections.entrySet().stream().map(e -> new NavSection(e.getKey(), e.getValue())).toList();
    }

    static boolean current(String href, String path) {
        if (href.equals("/")) {
            return path.equals("/");
        }
        return path.equals(href) || path.startsWith(href + "/");
    }

    private static Predicate<Actor> user(Predicate<Actor> rule) {
        return actor -> !actor.isOperator() && actor.tenantId() != null && rule.test(actor);
    }

    private record Entry(String section, String label, String href, String icon, Predicate<Actor> visible) {
    }
}
