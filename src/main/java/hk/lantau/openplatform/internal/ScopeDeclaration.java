package hk.lantau.openplatform.internal;

import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.RequiresScope;
import hk.lantau.shared.Scope;
import org.springframework.web.method.HandlerMethod;

/**
 * What a handler declares about apps: the scope it needs or that it is for people only. The
 * method's own annotations win over its class's.
 *
 * @param scope the scope an app needs, or {@code null}
 */
record ScopeDeclaration(Scope scope, boolean peopleOnly) {

    static ScopeDeclaration of(HandlerMethod method) {
        RequiresScope scope = method.getMethodAnnotation(RequiresScope.class);
        boolean peopleOnly = method.hasMethodAnnotation(PeopleOnly.class);
        if (scope == null && !peopleOnly) {
            scope = method.getBeanType().getAnnotation(RequiresScope.class);
            peopleOnly = method.getBeanType().isAnnotationPresent(PeopleOnly.class);
        }
        return new ScopeDeclaration(peopleOnly || scope == null ? null : scope.value(), peopleOnly);
    }

    boolean declared() {
        return scope != null || peopleOnly;
    }
}
