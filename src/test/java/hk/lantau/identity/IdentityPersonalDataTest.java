package hk.lantau.identity;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.shared.PersonalDataContributor;
import hk.lantau.support.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Identity's part of data-access and erasure requests: the account, sessions and known clients. */
class IdentityPersonalDataTest extends ApiTestSupport {

    @Autowired
    private List<PersonalDataContributor> contributors;

    private PersonalDataContributor identity() {
        return contributors.stream().filter(c -> c.section().equals("identity")).findFirst().orElseThrow();
    }

    private long tenantId(Org org) {
        return jdbc.sql("select id from tenant where corp_id = :c").param("c", org.corpId()).query(Long.class).single();
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheAccountWithItsSessionsAndOnlyInItsOrganisation() {
        Org org = newOrganisation();
        Org other = newOrganisation();

        Map<String, Object> export = identity().export(tenantId(org), org.adminUserId());

        assertThat(export.get("login")).isEqualTo(org.adminEmail());
        assertThat(export.get("passwordSet")).isEqualTo(true);
        assertThat((List<Map<String, Object>>) export.get("sessions")).isNotEmpty()
                .allSatisfy(s -> assertThat(s).containsKeys("createdAt", "ip", "device"));
        assertThat(identity().export(tenantId(other), org.adminUserId())).isEmpty();
        assertThat(export.toString()).doesNotContain("$argon2");
    }

    @Test
    void erasureRemovesTheAccountAndEndsItsSessionsAtOnce() {
        Org org = newOrganisation();
        assertThat(org.admin().get("/api/v1/me").status()).isEqualTo(200);

        var result = identity().erase(tenantId(org), org.adminUserId());

        assertThat(result.erased()).isGreaterThanOrEqualTo(2);
        assertThat(result.retained()).containsKey("audit");
        assertThat(org.admin().get("/api/v1/me").status()).isEqualTo(401);
        var signIn = anonymous().post("/api/v1/auth/sessions", Map.of("login", org.adminEmail(), "password", PASSWORD));
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(identity().erase(tenantId(org), org.adminUserId()).erased()).isZero();
    }
}
