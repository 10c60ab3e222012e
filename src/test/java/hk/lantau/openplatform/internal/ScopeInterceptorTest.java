package hk.lantau.openplatform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.LantauException;
import hk.lantau.support.ApiTestSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/**
 * A handler that declares nothing is closed to apps: every real endpoint declares its scope (the
 * architecture rule sees to that), so this one exists only here, handed to the real interceptor.
 */
class ScopeInterceptorTest extends ApiTestSupport {

    @Autowired
    private ScopeInterceptor interceptor;

    @Test
    void refusesAppsOnHandlersThatDeclareNothingAndLetsPeopleThrough() throws NoSuchMethodException {
        Org org = newOrganisation();
        var app = org.admin().post("/api/v1/apps", Map.of("name", "Curious", "purpose", "Looks around",
                "scopes", List.of("user.read"))).json();
        long tenantId = jdbc.sql("select tenant_id from opf_app where id = :id").param("id", app.get("id").asLong())
                .query(Long.class).single();
        Actor appActor = new Actor(ActorKind.APP, tenantId, app.get("appKey").asText(), null, "Curious", Set.of(), null,
                "127.0.0.1");
        Actor person = new Actor(ActorKind.USER, tenantId, org.adminUserId(), 1L, "Admin", Set.of(), null, null);
        HandlerMethod undeclared = new HandlerMethod(new Undeclared(), Undeclared.class.getDeclaredMethod("handle"));

        assertThatThrownBy(() -> ActorScope.runAs(appActor, () -> check("/api/v1/anything", undeclared)))
                .isInstanceOfSatisfying(LantauException.class, e -> {
                    assertThat(e.code()).isEqualTo("openplatform.scope_undeclared");
                    assertThat(e.status().value()).isEqualTo(403);
                });
        assertThatThrownBy(() -> ActorScope.runAs(appActor, () -> check("/admin/anything", undeclared)))
                .hasFieldOrPropertyWithValue("code", "openplatform.people_only");
        assertThat(ActorScope.callAs(person, () -> check("/api/v1/anything", undeclared))).isTrue();
    }

    private boolean check(String path, HandlerMethod handler) {
        return interceptor.preHandle(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), handler);
    }

    /** A handler of ours that forgot to say whether apps may call it. */
    static class Undeclared {

        String handle() {
            return "reached";
        }
    }
}
