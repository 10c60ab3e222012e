package hk.lantau.compat.web;

import hk.lantau.identity.SelfAuthenticatedPaths;
import hk.lantau.shared.PeopleOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Which requests are DingTalk's, decided once per request before the security chain: a handler of
 * this package (a token endpoint, or an endpoint that needs an app's token), or a path under
 * DingTalk's prefixes that nothing serves, answered as DingTalk answers unknown paths. Paths that
 * another module serves under those prefixes (the robot webhook, the chat pages) are not ours.
 */
@Component
class CompatRoutes implements SelfAuthenticatedPaths {

    /** Where DingTalk's paths live; {@code /chat/} also holds Lantau's chat pages, so only its handlers count. */
    private static final List<String> PREFIXES = List.of("/gettoken", "/topapi/", "/user/", "/attendance/",
            "/robot/", "/v1.0/", "/chat/", "/department/", "/message/", "/call_back/");
    /** Prefixes whose unknown paths answer in DingTalk's shape. */
    private static final List<String> UNKNOWN_ANSWERED = List.of("/topapi/", "/user/", "/attendance/", "/robot/",
            "/v1.0/", "/department/", "/message/", "/call_back/");
    private static final String ATTRIBUTE = CompatRoutes.class.getName();
    private static final String PACKAGE = CompatRoutes.class.getPackageName();

    /** Looked up when a request arrives: the command-line mode runs without Spring MVC. */
    private final ObjectProvider<RequestMappingHandlerMapping> mapping;

    CompatRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    enum Kind {
        /** Served here without an app token: the token endpoints. */
        OPEN,
        /** Served here for an app, with its DingTalk token. */
        APP,
        /** Nothing serves it. */
        UNKNOWN
    }

    record Route(Kind kind, Family family) {
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return route(request).isPresent();
    }

    @SuppressWarnings("unchecked")
    Optional<Route> route(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached != null) {
            return (Optional<Route>) cached;
        }
        Optional<Route> route = lookup(request);
        request.setAttribute(ATTRIBUTE, route);
        return route;
    }

    private Optional<Route> lookup(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (PREFIXES.stream().noneMatch(path::startsWith)) {
            return Optional.empty();
        }
        Family family = Family.of(path);
        Object handler = handler(request);
        if (handler instanceof HandlerMethod method && method.getBeanType().getPackageName().equals(PACKAGE)) {
            boolean open = method.hasMethodAnnotation(PeopleOnly.class)
                    || method.getBeanType().isAnnotationPresent(PeopleOnly.class);
            return Optional.of(new Route(open ? Kind.OPEN : Kind.APP, family));
        }
        if (handler == null && UNKNOWN_ANSWERED.stream().anyMatch(path::startsWith)) {
            return Optional.of(new Route(Kind.UNKNOWN, family));
        }
        return Optional.empty();
    }

    /** The handler Spring MVC will choose, or null when none matches the path and method. */
    private Object handler(HttpServletRequest request) {
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        try {
            if (!parsed) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            HandlerExecutionChain chain = mapping.getObject().getHandler(request);
            return chain == null ? null : chain.getHandler();
        } catch (Exception noMatch) {
            // A path served for other methods only: DingTalk answers those like unknown paths.
            return null;
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
