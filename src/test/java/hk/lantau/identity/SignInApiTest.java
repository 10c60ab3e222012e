package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.support.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInApiTest extends ApiTestSupport {

    @Test
    void unauthenticatedCallsGetAProblemWithTheRequestId() {
        var response = anonymous().withHeader("X-Request-Id", "trace-12345678").get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("auth.required");
        assertThat(response.json().get("requestId").asText()).isEqualTo("trace-12345678");
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-12345678");
    }

    @Test
    void wrongPasswordAndUnknownLoginLookTheSame() {
        Org org = newOrganisation();
        var wrong = anonymous().post("/api/v1/auth/sessions", Map.of("login", org.adminEmail(),
                "password", "not-the-password"));
        var unknown = anonymous().post("/api/v1/auth/sessions", Map.of("login", "nobody@nowhere.hk",
                "password", "not-the-password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("identity.bad_credentials");
        assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
        assertThat(wrong.body()).doesNotContain("not-the-password");
    }

    @Test
    void signingOutEndsTheSession() {
        Org org = newOrganisation();
        String token = signIn(org.adminEmail(), PASSWORD);
        var api = org.admin().withToken(token);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/sessions/current").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aSessionEndsAfterItsIdleTimeout() {
        Org org = newOrganisation();
        String token = signIn(org.adminEmail(), PASSWORD);
        var api = org.admin().withToken(token);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        clock.advance(java.time.Duration.ofHours(9));
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void weakPasswordsAreRefused() {
        var created = operator().post("/api/v1/organisations", Map.of("name", "Weak Ltd " + System.nanoTime(),
                "admin", Map.of("name", "A", "email", "weak-" + System.nanoTime() + "@x.hk")));
        String link = created.json().get("adminSetupLink").asText();
        String token = link.substring(link.lastIndexOf('/') + 1);
        var weak = anonymous().post("/api/v1/auth/links/" + token + "/password", Map.of("password", "aaaaaaaaaaaa"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("identity.password_weak");
        assertThat(weak.body()).doesNotContain("aaaaaaaaaaaa");
        setPassword(link, PASSWORD);
    }

    @Test
    void operatorSessionsBelongToNoOrganisation() {
        assertThat(operator().get("/api/v1/me").json().get("kind").asText()).isEqualTo("OPERATOR");
        long misfiled = jdbc.sql("""
                select count(*) from idn_session s join idn_account a on a.id = s.account_id
                where a.kind = 'OPERATOR' and s.tenant_id is not null""").query(Long.class).single();
        assertThat(misfiled).isZero();
    }

    @Test
    void healthMetricsAndApiDocsArePublished() {
        assertThat(anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous().get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        var docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/organisations")).isTrue();
        assertThat(anonymous().get("/api-docs").status()).isIn(200, 302);
    }
}
