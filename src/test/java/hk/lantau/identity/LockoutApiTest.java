package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.compliance.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockoutApiTest extends IdentityTestSupport {

    private static final String WRONG = "Wrong-Password-99";

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockLapses() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        for (int i = 1; i <= 4; i++) {
            var refused = signInRaw(person.email(), WRONG);
            assertThat(refused.status()).as("attempt %d", i).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("identity.bad_credentials");
        }
        Instant lockedAt = clock.instant();
        var locked = signInRaw(person.email(), WRONG);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("identity.account_locked");
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Instant.parse(locked.json().get("unlockAt").asText())).isEqualTo(lockedAt.plus(Duration.ofMinutes(15)));
        assertThat(locked.json().get("detail").asText()).contains("locked");
        assertThat(locked.header("Retry-After")).isEqualTo("900");

        var rightButLocked = signInRaw(person.email(), PASSWORD);
        assertThat(rightButLocked.status()).isEqualTo(423);
        assertThat(rightButLocked.code()).isEqualTo("identity.account_locked");

        clock.advance(Duration.ofMinutes(14));
        assertThat(signInRaw(person.email(), PASSWORD).status()).isEqualTo(423);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(signInRaw(person.email(), PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        for (int i = 0; i < 4; i++) {
            assertThat(signInRaw(person.email(), WRONG).status()).isEqualTo(401);
        }
        assertThat(signInRaw(person.email(), PASSWORD).status()).isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(signInRaw(person.email(), WRONG).status()).as("attempt %d after success", i + 1).isEqualTo(401);
        }
        assertThat(signInRaw(person.email(), WRONG).status()).isEqualTo(423);
    }

    @Test
    void theLockLapsesWithAFreshCount() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        for (int i = 0; i < 5; i++) {
            signInRaw(person.email(), WRONG);
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(signInRaw(person.email(), WRONG).status()).isEqualTo(401);
        assertThat(signInRaw(person.email(), PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void thresholdAndDurationAreTheOrganisationsSettings() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        var changed = org.admin().patch("/api/v1/security-settings", Map.of("lockoutThreshold", 3,
                "lockoutMinutes", 2));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        assertThat(signInRaw(person.email(), WRONG).status()).isEqualTo(401);
        assertThat(signInRaw(person.email(), WRONG).status()).isEqualTo(401);
        Instant lockedAt = clock.instant();
        var locked = signInRaw(person.email(), WRONG);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(Instant.parse(locked.json().get("unlockAt").asText())).isEqualTo(lockedAt.plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(signInRaw(person.email(), PASSWORD).status()).isEqualTo(201);

        Org other = newOrganisation();
        Person elsewhere = newPerson(other);
        for (int i = 0; i < 3; i++) {
            assertThat(signInRaw(elsewhere.email(), WRONG).status()).as("other organisation keeps 5").isEqualTo(401);
        }
    }

    @Test
    void failedSignInsAndTheLockAreInTheAuditTrailWithoutThePassword() {
        Org org = newOrganisation();
        Person person = newPerson(org);
        for (int i = 0; i < 5; i++) {
            signInRaw(person.email(), WRONG);
        }
        signInRaw(person.email(), PASSWORD);

        List<AuditEntry> failures = audit(org, "identity.signin.failed").stream()
                .filter(e -> person.email().equals(e.targetId())).toList();
        assertThat(failures).hasSize(6);
        assertThat(failures).extracting(e -> changes(e).get("reason").asText())
                .containsExactly("locked", "bad_password", "bad_password", "bad_password", "bad_password",
                        "bad_password");
        assertThat(changes(failures.get(1)).get("attempts").asInt()).isEqualTo(5);
        assertThat(failures.get(0).ip()).isNotBlank();
        assertThat(failures.get(0).actorReference()).isEqualTo("system:sign-in");

        List<AuditEntry> locks = audit(org, "identity.account.locked");
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0).targetId()).isEqualTo(person.email());
        assertThat(changes(locks.get(0)).get("lockedUntil").asText()).isNotBlank();

        assertThat(audit(org, "identity.")).allSatisfy(entry -> {
            assertThat(entry.changes()).doesNotContain(WRONG).doesNotContain(PASSWORD);
        });
    }

    @Test
    void unknownLoginsAreNeverLockedOrAnswered423() {
        for (int i = 0; i < 7; i++) {
            var refused = signInRaw("nobody-" + i + "@nowhere.hk", WRONG);
            assertThat(refused.status()).isEqualTo(401);
        }
        var again = signInRaw("nobody-0@nowhere.hk", WRONG);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("identity.bad_credentials");
    }
}
