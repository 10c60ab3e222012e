package hk.lantau.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.support.Api;
import hk.lantau.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers the directory's API tests share: people, departments, sign-in of non-admins, audit rows. */
public abstract class DirectoryApiTestSupport extends ApiTestSupport {

    private static final AtomicInteger MOBILES = new AtomicInteger();

    @Autowired
    protected Accounts accounts;

    /** A JSON object from alternating names and values; values may be null. */
    protected static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    /** A Hong Kong mobile number no other test uses, as people type it. */
    protected static String newMobile() {
        int n = MOBILES.incrementAndGet();
        return String.format("+852 6%03d %04d", n / 10_000, n % 10_000);
    }

    protected static String newEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.hk";
    }

    protected long tenantId(Org org) {
        return jdbc.sql("select id from tenant where corp_id = :corpId").param("corpId", org.corpId())
                .query(Long.class).single();
    }

    /** Creates a person through the API and returns their userid. */
    protected String createUser(Api api, Map<String, Object> body) {
        var response = api.post("/api/v1/users", body);
        assertThat(response.status()).as("create user: %s", response.body()).isEqualTo(201);
        return response.json().get("userId").asText();
    }

    protected String createUser(Api api, String name, Long... departmentIds) {
        return createUser(api, json("name", name, "email", newEmail(name.toLowerCase().replace(' ', '.')),
                "mobile", newMobile(), "departmentIds", List.of(departmentIds)));
    }

    protected long createDepartment(Api api, String name, Long parentId) {
        var response = api.post("/api/v1/departments", json("name", name, "parentId", parentId));
        assertThat(response.status()).as("create department: %s", response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    protected long createVirtualDepartment(Api api, String name) {
        var response = api.post("/api/v1/departments", json("name", name, "virtual", true));
        assertThat(response.status()).as("create virtual department: %s", response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    /** Gives an existing person an account and signs them in through the API. */
    protected Api signInAs(Org org, String userId) {
        String email = jdbc.sql("select email from dir_user where tenant_id = :t and userid = :u")
                .param("t", tenantId(org)).param("u", userId).query(String.class).single();
        long account = accounts.createUserAccount(tenantId(org), userId, email);
        LoginLink link = accounts.issueLink(account, LoginLink.Purpose.SETUP);
        setPassword(link.url(), PASSWORD);
        return as(email, PASSWORD);
    }

    /** Signs the person in again, so a token reflects roles changed since the last sign-in. */
    protected Api signInAgain(String email) {
        return as(email, PASSWORD);
    }

    protected long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }

    protected long auditCount(Org org, String action) {
        return count("select count(*) from cmp_audit_record where chain = ? and action = ?", tenantId(org), action);
    }

    /** The {@code changes} JSON of every audit record of the organisation, oldest first. */
    protected List<String> auditChanges(Org org) {
        return jdbc.sql("select changes from cmp_audit_record where chain = :chain order by seq")
                .param("chain", tenantId(org)).query(String.class).list();
    }

    protected static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(field == null ? node.asText() : node.path(field).asText()));
        return values;
    }

    protected static String field(Api.Response response, int index) {
        return response.json().path("errors").path(index).path("field").asText(null);
    }
}
