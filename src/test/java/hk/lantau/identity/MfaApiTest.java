package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MfaApiTest extends IdentityTestSupport {

    @Test
    void enrolmentShowsTheSeedOnceAndConfirmingReplacesTheSession() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        Api session = as(person.email(), PASSWORD);
        JsonNode before = session.get("/api/v1/auth/mfa").json();
        assertThat(before.get("enrolled").asBoolean()).isFalse();
        assertThat(before.get("required").asBoolean()).isFalse();

        var started = session.post("/api/v1/auth/mfa/enrolment", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String secret = started.json().get("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(started.json().get("otpauthUri").asText()).startsWith("otpauth://totp/")
                .contains("secret=" + secret).contains("issuer=Lantau").contains("digits=6").contains("period=30");
        assertThat(started.json().get("qrCode").asText()).startsWith("data:image/png;base64,");
        assertThat(started.header("Cache-Control")).contains("no-store");
        assertThat(session.get("/api/v1/auth/mfa").json().get("pending").asBoolean()).isTrue();

        var wrong = session.post("/api/v1/auth/mfa/enrolment/confirm", Map.of("code", otherCode(secret)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("identity.totp_invalid");
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("code");

        var confirmed = session.post("/api/v1/auth/mfa/enrolment/confirm",
                Map.of("code", totpCode(secret, totpStep())));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        Api full = session.withToken(confirmed.json().get("token").asText());
        assertThat(full.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(session.get("/api/v1/me").status()).as("the enrolling session ended").isEqualTo(401);
        JsonNode after = full.get("/api/v1/auth/mfa").json();
        assertThat(after.get("enrolled").asBoolean()).isTrue();
        assertThat(after.get("enrolledAt").asText()).isNotBlank();
        assertThat(full.post("/api/v1/auth/mfa/enrolment", Map.of()).code()).isEqualTo("identity.mfa_already_enrolled");

        assertThat(audit(org, "identity.mfa.enrolled")).extracting(e -> e.targetId()).contains(person.email());
        assertThat(audit(org, "")).allSatisfy(e -> assertThat(e.changes()).doesNotContain(secret));
    }

    @Test
    void signingInWithAnAuthenticatorNeedsTheCodeBeforeAnythingElse() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        String secret = enrol(person);

        var signIn = signInRaw(person.email(), PASSWORD);
        assertThat(signIn.status()).isEqualTo(201);
        assertThat(signIn.json().get("mfaRequired").asBoolean()).isTrue();
        assertThat(signIn.json().get("mfaEnrolmentRequired").asBoolean()).isFalse();
        Api pending = anonymous().withToken(signIn.json().get("token").asText());
        var refused = pending.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("identity.mfa_required");
        assertThat(pending.get("/api/v1/users").code()).isEqualTo("identity.mfa_required");
        assertThat(pending.get("/api/v1/auth/sessions").code()).isEqualTo("identity.mfa_required");

        clock.advance(Duration.ofSeconds(30));
        var completed = pending.post("/api/v1/auth/sessions/mfa", Map.of("code", totpCode(secret, totpStep())));
        assertThat(completed.status()).as(completed.body()).isEqualTo(201);
        assertThat(completed.json().get("mfaRequired").asBoolean()).isFalse();
        Api full = pending.withToken(completed.json().get("token").asText());
        assertThat(full.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(pending.get("/api/v1/me").status()).as("the pending session ended").isEqualTo(401);
        JsonNode mine = full.get("/api/v1/auth/sessions").json();
        assertThat(mine).anySatisfy(s -> {
            assertThat(s.get("current").asBoolean()).isTrue();
            assertThat(s.get("mfaVerified").asBoolean()).isTrue();
        });
    }

    @Test
    void aPendingSessionExpiresWithinMinutes() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        String secret = enrol(person);
        Api pending = rawSession(person.email(), PASSWORD);
        clock.advance(Duration.ofMinutes(6));
        var late = pending.post("/api/v1/auth/sessions/mfa", Map.of("code", totpCode(secret, totpStep())));
        assertThat(late.status()).isEqualTo(401);
    }

    @Test
    void aWrongCodeIsRefusedAndTheRightOneStillWorks() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        String secret = enrol(person);
        clock.advance(Duration.ofSeconds(30));
        Api pending = rawSession(person.email(), PASSWORD);

        var wrong = pending.post("/api/v1/auth/sessions/mfa", Map.of("code", otherCode(secret)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("identity.totp_invalid");
        assertThat(wrong.body()).doesNotContain(otherCode(secret));
        assertThat(pending.post("/api/v1/auth/sessions/mfa", Map.of("code", "12ab56")).code())
                .isEqualTo("identity.totp_invalid");
        assertThat(pending.post("/api/v1/auth/sessions/mfa", Map.of("code", totpCode(secret, totpStep())))
                .status()).isEqualTo(201);
        assertThat(audit(org, "identity.signin.failed")).extracting(e -> changes(e).get("reason").asText())
                .containsOnly("totp_invalid");
    }

    @Test
    void aCodeWorksOnceEvenWithinItsTimeStep() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        String secret = enrol(person);
        clock.advance(Duration.ofSeconds(30));
        String code = totpCode(secret, totpStep());
        assertThat(rawSession(person.email(), PASSWORD).post("/api/v1/auth/sessions/mfa", Map.of("code", code))
                .status()).isEqualTo(201);

        Api again = rawSession(person.email(), PASSWORD);
        var replayed = again.post("/api/v1/auth/sessions/mfa", Map.of("code", code));
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.code()).isEqualTo("identity.totp_replayed");
        var previousStep = again.post("/api/v1/auth/sessions/mfa",
                Map.of("code", totpCode(secret, totpStep() - 1)));
        assertThat(previousStep.code()).as("an older code after a newer one").isEqualTo("identity.totp_replayed");

        clock.advance(Duration.ofSeconds(30));
        assertThat(again.post("/api/v1/auth/sessions/mfa", Map.of("code", totpCode(secret, totpStep())))
                .status()).isEqualTo(201);
    }

    @Test
    void wrongCodesCountTowardsLockoutAndThePasswordDoesNotResetTheCount() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        String secret = enrol(person);
        Api pending = rawSession(person.email(), PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(pending.post("/api/v1/auth/sessions/mfa", Map.of("code", otherCode(secret))).status())
                    .isEqualTo(400);
        }
        Api again = rawSession(person.email(), PASSWORD);
        var locked = again.post("/api/v1/auth/sessions/mfa", Map.of("code", otherCode(secret)));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("identity.account_locked");
        assertThat(locked.json().get("unlockAt").asText()).isNotBlank();

        clock.advance(Duration.ofSeconds(30));
        var rightButLocked = again.post("/api/v1/auth/sessions/mfa", Map.of("code", totpCode(secret, totpStep())));
        assertThat(rightButLocked.status()).isEqualTo(423);
        assertThat(signInRaw(person.email(), PASSWORD).status()).isEqualTo(423);

        clock.advance(Duration.ofMinutes(15));
        Api afterLock = rawSession(person.email(), PASSWORD);
        assertThat(afterLock.post("/api/v1/auth/sessions/mfa", Map.of("code", totpCode(secret, totpStep())))
                .status()).isEqualTo(201);
        assertThat(audit(org, "identity.account.locked")).hasSize(1);
    }

    @Test
    void peopleWhoseRoleRequiresMfaCanOnlyEnrolUntilTheyHave() {
        Org org = newOrganisation();
        Person hr = newPerson(org, "hr");
        var signIn = signInRaw(hr.email(), PASSWORD);
        assertThat(signIn.status()).isEqualTo(201);
        assertThat(signIn.json().get("mfaEnrolmentRequired").asBoolean()).isTrue();
        assertThat(signIn.json().get("mfaRequired").asBoolean()).isFalse();
        Api enrolOnly = anonymous().withToken(signIn.json().get("token").asText());

        for (String path : List.of("/api/v1/me", "/api/v1/users", "/api/v1/auth/sessions", "/api/v1/org")) {
            var refused = enrolOnly.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).as(path).isEqualTo("identity.mfa_enrolment_required");
        }
        assertThat(enrolOnly.post("/api/v1/auth/sessions/mfa", Map.of("code", "123456")).code())
                .isEqualTo("identity.mfa_enrolment_required");
        assertThat(enrolOnly.get("/api/v1/auth/mfa").json().get("required").asBoolean()).isTrue();

        Api full = anonymous().withToken(enrolTotp(enrolOnly, hr.email()));
        assertThat(full.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(full.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(signInRaw(hr.email(), PASSWORD).json().get("mfaRequired").asBoolean()).isTrue();
    }

    @Test
    void aRoleThatRequiresMfaRestrictsSessionsThatAlreadyExist() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        Api staff = as(person.email(), PASSWORD);
        assertThat(staff.get("/api/v1/me").status()).isEqualTo(200);

        var granted = org.admin().put("/api/v1/users/" + person.userId() + "/roles",
                Map.of("roleKeys", List.of("staff", "dpo")));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(staff.get("/api/v1/me").code()).isEqualTo("identity.mfa_enrolment_required");
    }

    @Test
    void theOrganisationChoosesWhichRolesRequireMfa() {
        Org org = newOrganisation();
        Person manager = newPerson(org, "manager");
        assertThat(signInRaw(manager.email(), PASSWORD).json().get("mfaEnrolmentRequired").asBoolean()).isFalse();
        var changed = org.admin().patch("/api/v1/security-settings",
                Map.of("mfaRequiredRoles", List.of("admin", "manager")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(signInRaw(manager.email(), PASSWORD).json().get("mfaEnrolmentRequired").asBoolean()).isTrue();
        Person hr = newPerson(org, "hr");
        assertThat(signInRaw(hr.email(), PASSWORD).json().get("mfaEnrolmentRequired").asBoolean()).isFalse();
    }

    @Test
    void operatorsMustUseMfa() {
        Api operator = operator();
        assertThat(operator.get("/api/v1/auth/mfa").json().get("required").asBoolean()).isTrue();
        assertThat(operator.get("/api/v1/auth/mfa").json().get("enrolled").asBoolean()).isTrue();
        var signIn = signInRaw("operator", OPERATOR_PASSWORD);
        assertThat(signIn.json().get("mfaRequired").asBoolean()).isTrue();
        assertThat(anonymous().withToken(signIn.json().get("token").asText()).get("/api/v1/organisations").code())
                .isEqualTo("identity.mfa_required");
    }

    @Test
    void anAdministratorRemovesALostAuthenticator() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        enrol(person);
        Api session = as(person.email(), PASSWORD);

        var removed = org.admin().delete("/api/v1/users/" + person.userId() + "/mfa");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        // The session that enrolled and the one signed in since.
        assertThat(removed.json().get("sessionsEnded").asInt()).isEqualTo(2);
        assertThat(session.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(signInRaw(person.email(), PASSWORD).json().get("mfaRequired").asBoolean()).isFalse();
        assertThat(org.admin().delete("/api/v1/users/" + person.userId() + "/mfa").code())
                .isEqualTo("identity.mfa_not_enrolled");
        assertThat(audit(org, "identity.mfa.reset")).extracting(e -> e.targetId()).containsExactly(person.userId());
    }

    /** Enrols an authenticator for the person through the API and returns its seed. */
    private String enrol(Person person) {
        Api session = as(person.email(), PASSWORD);
        enrolTotp(session, person.email());
        return totpSecret(person.email());
    }

    /** A well-formed code that is none of the codes accepted around now. */
    private String otherCode(String secret) {
        long step = totpStep();
        List<String> valid = List.of(totpCode(secret, step - 1), totpCode(secret, step), totpCode(secret, step + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
