package hk.lantau.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.util.Map;
import java.util.UUID;

/**
 * Sets up a Lantau that runs as a separate process (a process test, a benchmark) through its API,
 * on the real clock: the operator signs in, creates an organisation, and its admin signs in, each
 * enrolling an authenticator as a fresh installation requires.
 */
public final class RemoteSetup {

    public static final String PASSWORD = "Correct-Horse-42";

    private RemoteSetup() {
    }

    /** Signs in, enrolling an authenticator when the account must have one. */
    public static Api signIn(Api anonymous, String login, String password) {
        JsonNode session = post(anonymous, "/api/v1/auth/sessions", Map.of("login", login, "password", password));
        Api api = anonymous.withToken(session.get("token").asText());
        if (!session.path("mfaEnrolmentRequired").asBoolean()) {
            return api;
        }
        String secret = post(api, "/api/v1/auth/mfa/enrolment", Map.of()).get("secret").asText();
        JsonNode confirmed = post(api, "/api/v1/auth/mfa/enrolment/confirm", Map.of("code", totp(secret)));
        return anonymous.withToken(confirmed.get("token").asText());
    }

    /** A new organisation of the given edition; answers its admin, signed in. */
    public static Api newOrganisationAdmin(Api operator, String edition) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
        JsonNode created = post(operator, "/api/v1/organisations", Map.of("name", "Org " + email,
                "edition", edition, "admin", Map.of("name", "Admin", "email", email, "mobile", "+852 91234567")));
        String link = created.get("adminSetupLink").asText();
        var set = operator.anonymous().post("/api/v1/auth/links/" + link.substring(link.lastIndexOf('/') + 1)
                + "/password", Map.of("password", PASSWORD));
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        return signIn(operator.anonymous(), email, PASSWORD);
    }

    /** POSTs and expects 200 or 201. */
    public static JsonNode post(Api api, String path, Object body) {
        var response = api.post(path, body);
        assertThat(response.status()).as("%s: %s", path, response.body()).isIn(200, 201);
        return response.json();
    }

    private static String totp(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
