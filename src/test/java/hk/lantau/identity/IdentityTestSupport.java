package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.compliance.AuditEntry;
import hk.lantau.compliance.AuditQuery;
import hk.lantau.compliance.AuditRecords;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import hk.lantau.tenant.Organisations;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers of the identity API tests: people with roles, raw sign-in steps, and the audit trail. */
abstract class IdentityTestSupport extends ApiTestSupport {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AuditRecords auditRecords;

    @Autowired
    Organisations organisations;

    /** A person of the organisation with the given roles, whose password was set through their sign-in link. */
    Person newPerson(Org org, String... roleKeys) {
        String email = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        Map<String, Object> body = new HashMap<>(Map.of("name", "Person " + email.substring(7, 15), "email", email));
        if (roleKeys.length > 0) {
            body.put("roleKeys", List.of(roleKeys));
        }
        var created = org.admin().post("/api/v1/users", body);
        assertThat(created.status()).as("create person: %s", created.body()).isEqualTo(201);
        String userId = created.json().get("userId").asText();
        var link = org.admin().post("/api/v1/users/" + userId + "/password-reset", Map.of());
        assertThat(link.status()).as("sign-in link: %s", link.body()).isEqualTo(201);
        setPassword(link.json().get("link").asText(), PASSWORD);
        return new Person(userId, email);
    }

    /** Adds a person to the directory only: no sign-in account yet. */
    String newDirectoryEntry(Org org) {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        var created = org.admin().post("/api/v1/users", Map.of("name", "Newcomer", "email", email));
        assertThat(created.status()).as("create person: %s", created.body()).isEqualTo(201);
        return created.json().get("userId").asText();
    }

    /** A session whose sign-in returned 201 with this token, without completing any MFA step. */
    Api rawSession(String login, String password) {
        var response = signInRaw(login, password);
        assertThat(response.status()).as("sign-in of %s: %s", login, response.body()).isEqualTo(201);
        return anonymous().withToken(response.json().get("token").asText());
    }

    /** Signs in (full session) with a given user agent. */
    Api signInWith(String userAgent, String login) {
        var response = anonymous().withHeader("User-Agent", userAgent).post("/api/v1/auth/sessions",
                Map.of("login", login, "password", PASSWORD));
        assertThat(response.status()).as("sign-in: %s", response.body()).isEqualTo(201);
        assertThat(response.json().get("mfaRequired").asBoolean()).isFalse();
        return anonymous().withToken(response.json().get("token").asText());
    }

    String sessionIdOf(Api api) {
        var sessions = api.get("/api/v1/auth/sessions");
        assertThat(sessions.status()).as("own sessions: %s", sessions.body()).isEqualTo(200);
        for (JsonNode session : sessions.json()) {
            if (session.get("current").asBoolean()) {
                return session.get("id").asText();
            }
        }
        throw new AssertionError("no current session in " + sessions.body());
    }

    /** The organisation's audit records whose action starts with {@code action}, newest first. */
    List<AuditEntry> audit(Org org, String action) {
        long tenantId = organisations.findByCorpId(org.corpId()).orElseThrow().id();
        return auditRecords.page(tenantId, new AuditQuery(action, null, null, null, null, null), null,
                AuditRecords.MAX_PAGE_SIZE).items();
    }

    static JsonNode changes(AuditEntry entry) {
        try {
            return JSON.readTree(entry.changes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Person(String userId, String email) {
    }
}
