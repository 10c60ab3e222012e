package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.compliance.AuditEntry;
import hk.lantau.support.Api;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SessionsApiTest extends IdentityTestSupport {

    @Test
    void peopleSeeAndEndTheirOwnSessions() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        Api laptop = signInWith(FIREFOX, person.email());
        Api phone = signInWith("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1", person.email());

        JsonNode sessions = laptop.get("/api/v1/auth/sessions").json();
        assertThat(sessions).hasSize(2);
        JsonNode current = find(sessions, true);
        assertThat(current.get("device").asText()).isEqualTo("Firefox on Linux");
        assertThat(current.get("userAgent").asText()).isEqualTo(FIREFOX);
        assertThat(current.get("ip").asText()).isNotBlank();
        assertThat(current.get("createdAt").asText()).isNotBlank();
        assertThat(current.get("lastSeenAt").asText()).isNotBlank();
        assertThat(current.has("token")).isFalse();
        JsonNode other = find(sessions, false);
        assertThat(other.get("device").asText()).isEqualTo("Safari on iOS");

        assertThat(laptop.delete("/api/v1/auth/sessions/" + other.get("id").asText()).status()).isEqualTo(204);
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/auth/sessions").json()).hasSize(1);
        assertThat(laptop.delete("/api/v1/auth/sessions/" + other.get("id").asText()).code())
                .isEqualTo("identity.session_not_found");
        assertThat(audit(org, "identity.sessions.revoked")).anySatisfy(e ->
                assertThat(changes(e).get("reason").asText()).isEqualTo("revoked_by_self"));
    }

    @Test
    void useKeepsASessionAliveAndShowsWhenItWasLastSeen() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        Api phone = signInWith(FIREFOX, person.email());
        assertThat(org.admin().patch("/api/v1/security-settings", Map.of("sessionIdleTimeoutMinutes", 30)).status())
                .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(phone.get("/api/v1/me").status()).isEqualTo(200);
            // A changed setting drops the cached sessions: the next request reads the session again.
            assertThat(org.admin().patch("/api/v1/security-settings",
                    Map.of("sessionIdleTimeoutMinutes", 30 + i + 1)).status()).isEqualTo(200);
        }
        Instant seen = clock.instant();
        JsonNode current = find(phone.get("/api/v1/auth/sessions").json(), true);
        assertThat(Instant.parse(current.get("lastSeenAt").asText())).isAfterOrEqualTo(seen.minusSeconds(1));
        clock.advance(Duration.ofMinutes(34));
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void someoneElsesSessionCannotBeEndedAsOnesOwn() {
        Org org = newOrganisation();
        Person alice = newPerson(org);
        Person bob = newPerson(org);
        Api aliceApi = as(alice.email(), PASSWORD);
        Api bobApi = as(bob.email(), PASSWORD);
        var refused = aliceApi.delete("/api/v1/auth/sessions/" + sessionIdOf(bobApi));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("identity.session_not_found");
        assertThat(bobApi.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void administratorsListAndEndPeoplesSessions() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        Api first = signInWith(FIREFOX, person.email());
        Api second = as(person.email(), PASSWORD);
        Api third = as(person.email(), PASSWORD);

        var listed = org.admin().get("/api/v1/users/" + person.userId() + "/sessions");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json()).hasSize(3);
        assertThat(listed.json()).allSatisfy(s -> assertThat(s.get("current").asBoolean()).isFalse());

        String firstId = sessionIdOf(first);
        assertThat(org.admin().delete("/api/v1/users/" + person.userId() + "/sessions/" + firstId).status())
                .isEqualTo(204);
        assertThat(first.get("/api/v1/me").status()).as("revoked at once on this node").isEqualTo(401);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(200);

        var all = org.admin().delete("/api/v1/users/" + person.userId() + "/sessions");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(third.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(org.admin().get("/api/v1/users/" + person.userId() + "/sessions").json()).isEmpty();

        List<AuditEntry> revoked = audit(org, "identity.sessions.revoked");
        assertThat(revoked).hasSize(2);
        assertThat(revoked).allSatisfy(e -> {
            assertThat(e.targetId()).isEqualTo(person.userId());
            assertThat(e.actorReference()).isEqualTo("user:" + org.adminUserId());
            assertThat(changes(e).get("reason").asText()).isEqualTo("revoked_by_admin");
        });
    }

    @Test
    void aPersonWithoutAnAccountHasNoSessions() {
        Org org = newOrganisation();
        String userId = newDirectoryEntry(org);
        assertThat(org.admin().get("/api/v1/users/" + userId + "/sessions").json()).isEmpty();
        assertThat(org.admin().delete("/api/v1/users/" + userId + "/sessions").json().get("revoked").asInt())
                .isZero();
    }

    @Test
    void managingOthersSessionsNeedsThePermission() {
        Org org = newOrganisation();
        Person staff = newPerson(org);
        Api staffApi = as(staff.email(), PASSWORD);
        var refused = staffApi.get("/api/v1/users/" + org.adminUserId() + "/sessions");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("auth.permission_missing");
        assertThat(staffApi.delete("/api/v1/users/" + org.adminUserId() + "/sessions").status()).isEqualTo(403);
        assertThat(staffApi.post("/api/v1/users/" + org.adminUserId() + "/password-reset", Map.of()).status())
                .isEqualTo(403);
        assertThat(staffApi.get("/api/v1/security-settings").status()).isEqualTo(403);
    }

    @Test
    void everyAdministratorEndpointAnswers404ForAnotherOrganisation() {
        Org mine = newOrganisation();
        Org theirs = newOrganisation();
        Person stranger = newPerson(theirs);
        enrolledStranger(theirs, stranger);
        Api strangerApi = as(stranger.email(), PASSWORD);
        String strangerSession = sessionIdOf(strangerApi);
        Person colleague = newPerson(mine);
        Api admin = mine.admin();
        String base = "/api/v1/users/" + stranger.userId();

        List<Api.Response> responses = List.of(
                admin.get(base + "/sessions"),
                admin.delete(base + "/sessions/" + strangerSession),
                admin.delete(base + "/sessions"),
                admin.post(base + "/password-reset", Map.of()),
                admin.delete(base + "/mfa"),
                admin.delete("/api/v1/users/" + colleague.userId() + "/sessions/" + strangerSession),
                admin.delete("/api/v1/auth/sessions/" + strangerSession));
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(404));
        assertThat(strangerApi.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(signInRaw(stranger.email(), PASSWORD).json().get("mfaRequired").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/security-settings").json().get("lockoutThreshold").asInt()).isEqualTo(5);
        theirs.admin().patch("/api/v1/security-settings", Map.of("lockoutThreshold", 9));
        assertThat(admin.get("/api/v1/security-settings").json().get("lockoutThreshold").asInt()).isEqualTo(5);
    }

    @Test
    void aSignInFromANewDeviceIsFlaggedInTheAuditTrail() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        as(person.email(), PASSWORD);
        as(person.email(), PASSWORD);
        assertThat(newDeviceRecords(org, person)).as("the first device sets the baseline").isEmpty();

        signInWith(FIREFOX, person.email());
        List<AuditEntry> flagged = newDeviceRecords(org, person);
        assertThat(flagged).hasSize(1);
        JsonNode changes = changes(flagged.get(0));
        assertThat(changes.get("device").asText()).isEqualTo("Firefox on Linux");
        assertThat(changes.get("newDevice").asBoolean()).isTrue();
        assertThat(changes.get("newIp").asBoolean()).isFalse();
        assertThat(flagged.get(0).actorReference()).isEqualTo("user:" + person.userId());

        signInWith(FIREFOX, person.email());
        assertThat(newDeviceRecords(org, person)).as("a known device is not flagged again").hasSize(1);
    }

    @Test
    void aSignInFromANewAddressIsFlaggedInTheAuditTrail() {
        Assumptions.assumeTrue(ipv6LoopbackReachable(), "needs the IPv6 loopback for a second client address");
        Org org = newOrganisation();
        Person person = newPerson(org);
        as(person.email(), PASSWORD);
        var fromIpv6 = new Api("http://[::1]:" + port, null).post("/api/v1/auth/sessions",
                Map.of("login", person.email(), "password", PASSWORD));
        assertThat(fromIpv6.status()).isEqualTo(201);
        List<AuditEntry> flagged = newDeviceRecords(org, person);
        assertThat(flagged).hasSize(1);
        assertThat(changes(flagged.get(0)).get("newIp").asBoolean()).isTrue();
        assertThat(changes(flagged.get(0)).get("newDevice").asBoolean()).isFalse();
        assertThat(changes(flagged.get(0)).get("ip").asText()).contains(":");
    }

    private void enrolledStranger(Org org, Person person) {
        enrolTotp(as(person.email(), PASSWORD), person.email());
    }

    private List<AuditEntry> newDeviceRecords(Org org, Person person) {
        return audit(org, "identity.signin.new_device").stream()
                .filter(e -> person.email().equals(e.targetId())).toList();
    }

    private static JsonNode find(JsonNode sessions, boolean current) {
        for (JsonNode session : sessions) {
            if (session.get("current").asBoolean() == current) {
                return session;
            }
        }
        throw new AssertionError("no session with current=" + current + " in " + sessions);
    }

    private boolean ipv6LoopbackReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("::1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
