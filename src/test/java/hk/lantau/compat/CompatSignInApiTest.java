package hk.lantau.compat;

import static hk.lantau.compat.CompatFixtures.fixture;
import static hk.lantau.compat.CompatFixtures.names;
import static hk.lantau.compat.CompatFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.dingtalkcontact_1_0.models.GetUserHeaders;
import com.aliyun.dingtalkcontact_1_0.models.GetUserResponse;
import com.aliyun.dingtalkoauth2_1_0.models.GetUserTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetUserTokenResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;
import com.dingtalk.api.request.OapiUserGetuserinfoRequest;
import com.dingtalk.api.request.OapiV2UserGetuserinfoRequest;
import com.dingtalk.api.response.OapiUserGetuserinfoResponse;
import com.dingtalk.api.response.OapiV2UserGetuserinfoResponse;
import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.PersonalDataContributor;
import hk.lantau.support.Api;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DingTalk's login-free codes and user OAuth2 through the official SDKs: Lantau's sign-in page
 * issues a code to an app's registered address, the app redeems it once for the userid or a user
 * token, and the token reads the person's profile. Codes are single use, short-lived and tied to
 * their app; every refusal changes nothing, another organisation's apps included.
 */
class CompatSignInApiTest extends CompatApiTestSupport {

    @Autowired
    private List<PersonalDataContributor> contributors;

    private static final String CALLBACK = "https://hr.example.hk/dingtalk/callback";

    private Org org;
    private App app;
    private String appToken;
    private String person;
    private Api personSession;

    @BeforeEach
    void organisation() {
        org = newOrganisation();
        app = register(org, "user.read");
        appToken = token(app);
        var registered = org.admin().put("/api/v1/apps/" + app.id() + "/redirect-uris",
                Map.of("redirectUris", List.of(CALLBACK)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        person = createUser(org.admin(), json("name", "Chan Tai Man", "email", newEmail("chan"),
                "departmentIds", List.of(1L)));
        personSession = signInAs(org, person);
    }

    @Test
    void theSignInPageIssuesACodeTheAppRedeemsOnceForTheUserid() {
        long issued = auditCount(org, "compat.sign_in.code_issued");
        String code = code(personSession, app.appKey(), CALLBACK, "s-42");
        assertThat(auditCount(org, "compat.sign_in.code_issued")).isEqualTo(issued + 1);

        OapiV2UserGetuserinfoResponse info = userInfo(appToken, code);
        assertThat(info.isSuccess()).as(info.getBody()).isTrue();
        assertThat(info.getResult().getUserid()).isEqualTo(person);
        assertThat(info.getResult().getName()).isEqualTo("Chan Tai Man");
        assertThat(info.getResult().getSys()).isFalse();
        assertThat(info.getResult().getSysLevel()).isZero();
        DocumentedAnswer.of("user-getuserinfo.response.json")
                .absent("result.associated_unionid", "result.device_id")
                .assertCarriedBy(parse(info.getBody()));
        assertThat(auditCount(org, "compat.sign_in.code_redeemed")).isEqualTo(1);

        OapiV2UserGetuserinfoResponse again = userInfo(appToken, code);
        assertThat(again.getErrcode()).isEqualTo(40078L);

        String adminCode = code(org.admin(), app.appKey(), CALLBACK, null);
        OapiUserGetuserinfoRequest legacy = new OapiUserGetuserinfoRequest();
        legacy.setCode(adminCode);
        OapiUserGetuserinfoResponse admin = call("/user/getuserinfo", legacy, appToken);
        assertThat(admin.isSuccess()).as(admin.getBody()).isTrue();
        assertThat(admin.getUserid()).isEqualTo(org.adminUserId());
        assertThat(admin.getIsSys()).isTrue();
        assertThat(admin.getSysLevel()).isEqualTo("1");
        var documentedLegacy = sendDocumented("user-getuserinfo-legacy.request.json", appToken,
                Map.of("code", code(personSession, app.appKey(), CALLBACK, null)));
        DocumentedAnswer.of("user-getuserinfo-legacy.response.json").absent("deviceId")
                .assertCarriedBy(documentedLegacy.json());
        assertThat(documentedLegacy.json().get("name").asText()).isEqualTo("Chan Tai Man");

        JsonNode documented = fixture("user-getuserinfo.request.json");
        var form = raw("POST", documented.get("path").asText(), "access_token=" + appToken + "&code="
                + code(personSession, app.appKey(), CALLBACK, null), documented.get("contentType").asText());
        assertThat(form.json().get("result").get("userid").asText()).as(form.body()).isEqualTo(person);
    }

    @Test
    void aCodeBecomesAUserTokenThatReadsThePersonsProfileThroughTheTeaSdk() throws Exception {
        var oauth = new com.aliyun.dingtalkoauth2_1_0.Client(teaConfig());
        GetUserTokenResponseBody token = oauth.getUserToken(new GetUserTokenRequest().setClientId(app.appKey())
                .setClientSecret(app.secret()).setCode(code(personSession, app.appKey(), CALLBACK, "x"))
                .setGrantType("authorization_code")).getBody();
        assertThat(token.getExpireIn()).isEqualTo(7200L);
        assertThat(token.getCorpId()).isEqualTo(org.corpId());
        assertThat(token.getAccessToken()).isNotBlank().isNotEqualTo(appToken);

        var contact = new com.aliyun.dingtalkcontact_1_0.Client(teaConfig());
        GetUserResponse me = contact.getUserWithOptions("me", headers(token.getAccessToken()), new RuntimeOptions());
        assertThat(me.getBody().getNick()).isEqualTo("Chan Tai Man");
        assertThat(me.getBody().getUnionId()).isEqualTo(person);
        assertThat(me.getBody().getMobile()).isNull();
        assertThat(contact.getUserWithOptions(person, headers(token.getAccessToken()), new RuntimeOptions())
                .getBody().getUnionId()).isEqualTo(person);
        var raw = anonymous().withHeader("x-acs-dingtalk-access-token", token.getAccessToken())
                .get("/v1.0/contact/users/me");
        Set<String> documented = names(fixture("contact-users-me.response.json"));
        assertThat(names(raw.json())).isSubsetOf(documented);
        // Never the mobile or the avatar (docs/compat.md).
        DocumentedAnswer.of("contact-users-me.response.json").absent("mobile", "stateCode", "avatarUrl")
                .assertCarriedBy(raw.json());

        GetUserTokenResponseBody refreshed = oauth.getUserToken(new GetUserTokenRequest().setClientId(app.appKey())
                .setClientSecret(app.secret()).setRefreshToken(token.getRefreshToken())
                .setGrantType("refresh_token")).getBody();
        assertThat(refreshed.getAccessToken()).isNotEqualTo(token.getAccessToken());
        assertThatThrownBy(() -> oauth.getUserToken(new GetUserTokenRequest().setClientId(app.appKey())
                .setClientSecret(app.secret()).setRefreshToken(token.getRefreshToken())
                .setGrantType("refresh_token"))).isInstanceOfSatisfying(TeaException.class,
                e -> assertThat(e.getCode()).isEqualTo("invalidAuthCode"));
        assertThat(auditCount(org, "compat.sign_in.token_granted")).isEqualTo(1);
        assertThat(auditCount(org, "compat.sign_in.token_refreshed")).isEqualTo(1);

        JsonNode sample = fixture("oauth2-usertoken.request.json");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("clientId", app.appKey(), "clientSecret",
                app.secret(), "code", code(personSession, app.appKey(), CALLBACK, null), "grantType",
                sample.get("json").get("grantType").asText()));
        var documentedCall = anonymous().post(sample.get("path").asText(), body);
        assertThat(documentedCall.status()).as(documentedCall.body()).isEqualTo(200);
        assertThat(names(documentedCall.json())).isEqualTo(names(fixture("oauth2-usertoken.response.json")));
    }

    @Test
    void codesAreShortLivedAndBelongToTheirApp() throws Exception {
        App other = register(org, "user.read");
        String otherToken = token(other);
        String code = code(personSession, app.appKey(), CALLBACK, null);
        assertThat(userInfo(otherToken, code).getErrcode()).isEqualTo(40078L);
        var oauth = new com.aliyun.dingtalkoauth2_1_0.Client(teaConfig());
        assertThatThrownBy(() -> oauth.getUserToken(new GetUserTokenRequest().setClientId(other.appKey())
                .setClientSecret(other.secret()).setCode(code).setGrantType("authorization_code")))
                .isInstanceOfSatisfying(TeaException.class, e -> assertThat(e.getCode()).isEqualTo("invalidAuthCode"));
        assertThatThrownBy(() -> oauth.getUserToken(new GetUserTokenRequest().setClientId(app.appKey())
                .setClientSecret("wrong").setCode(code).setGrantType("authorization_code")))
                .isInstanceOfSatisfying(TeaException.class,
                        e -> assertThat(e.getCode()).isEqualTo("invalidClientIdOrSecret"));
        Org elsewhere = newOrganisation();
        String foreignToken = token(register(elsewhere, "user.read"));
        assertThat(userInfo(foreignToken, code).getErrcode()).isEqualTo(40078L);
        // Refused redemptions used nothing up: the app it was issued for still can.
        assertThat(userInfo(appToken, code).getResult().getUserid()).isEqualTo(person);

        String late = code(personSession, app.appKey(), CALLBACK, null);
        clock.advance(Duration.ofSeconds(301));
        assertThat(userInfo(appToken, late).getErrcode()).isEqualTo(40078L);
        assertThat(postJson("/topapi/v2/user/getuserinfo", appToken, "{\"code\":\"\"}").json().get("errmsg")
                .asText()).isEqualTo("缺少参数 code");
        assertThat(userInfo(null, "x").getSubCode()).isEqualTo("40000");
        String noScope = token(register(org, "notification.send"));
        assertThat(userInfo(noScope, code(personSession, app.appKey(), CALLBACK, null)).getSubCode())
                .isEqualTo("60011");
    }

    @Test
    void theSignInPageRefusesBadClientsAndAddressesWithoutRedirecting() {
        long codes = codes();
        Org elsewhere = newOrganisation();
        App foreign = register(elsewhere, "user.read");
        elsewhere.admin().put("/api/v1/apps/" + foreign.id() + "/redirect-uris", Map.of("redirectUris",
                List.of(CALLBACK)));
        for (String query : List.of(
                authQuery(app.appKey(), "https://evil.example/steal", "code"),
                authQuery(app.appKey(), CALLBACK + "/other", "code"),
                authQuery("dingnosuchapp", CALLBACK, "code"),
                authQuery(foreign.appKey(), CALLBACK, "code"),
                authQuery(app.appKey(), CALLBACK, "token"))) {
            var page = personSession.get("/oauth2/auth?" + query);
            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.header("Location")).isNull();
            assertThat(page.body()).contains("<h1");
        }
        var anonymousVisit = anonymous().get("/oauth2/auth?" + authQuery(app.appKey(), CALLBACK, "code"));
        assertThat(anonymousVisit.status()).isEqualTo(302);
        assertThat(anonymousVisit.header("Location")).endsWith("/signin");
        var appCall = anonymous().withToken(appToken).get("/oauth2/auth?" + authQuery(app.appKey(), CALLBACK, "code"));
        assertThat(appCall.status()).isEqualTo(403);
        assertThat(codes()).isEqualTo(codes);
    }

    @Test
    void userTokensAreRefusedAsDingTalkRefusesTokens() throws Exception {
        var contact = new com.aliyun.dingtalkcontact_1_0.Client(teaConfig());
        for (String bad : List.of("not-a-token", appToken)) {
            assertThatThrownBy(() -> contact.getUserWithOptions("me", headers(bad), new RuntimeOptions()))
                    .isInstanceOfSatisfying(TeaException.class,
                            e -> assertThat(e.getCode()).isEqualTo("InvalidAuthentication"));
        }
        var missing = anonymous().get("/v1.0/contact/users/me");
        assertThat(missing.json().get("code").asText()).isEqualTo("AuthenticationFailed.MissingParameter");

        var oauth = new com.aliyun.dingtalkoauth2_1_0.Client(teaConfig());
        String userToken = oauth.getUserToken(new GetUserTokenRequest().setClientId(app.appKey())
                .setClientSecret(app.secret()).setCode(code(personSession, app.appKey(), CALLBACK, null))
                .setGrantType("authorization_code")).getBody().getAccessToken();
        assertThatThrownBy(() -> contact.getUserWithOptions(org.adminUserId(), headers(userToken),
                new RuntimeOptions())).isInstanceOfSatisfying(TeaException.class,
                e -> assertThat(e.getCode()).isEqualTo("invalidParameter.user.notFound"));
        clock.advance(Duration.ofSeconds(7_201));
        assertThatThrownBy(() -> contact.getUserWithOptions("me", headers(userToken), new RuntimeOptions()))
                .isInstanceOfSatisfying(TeaException.class,
                        e -> assertThat(e.getCode()).isEqualTo("InvalidAuthentication"));
    }

    @Test
    void onlyTheOrganisationsAppManagersSetRedirectAddresses() {
        String path = "/api/v1/apps/" + app.id() + "/redirect-uris";
        assertThat(org.admin().get(path).json().get("redirectUris").get(0).asText()).isEqualTo(CALLBACK);
        assertThat(personSession.put(path, Map.of("redirectUris", List.of())).status()).isEqualTo(403);
        assertThat(org.admin().put(path, Map.of("redirectUris", List.of("ftp://x.example/cb"))).code())
                .isEqualTo("compat.sign_in_redirects_invalid");
        assertThat(org.admin().put(path, Map.of("redirectUris", List.of(CALLBACK + "#frag"))).status())
                .isEqualTo(400);
        assertThat(newOrganisation().admin().get(path).status()).isEqualTo(404);
        assertThat(anonymous().withToken(appToken).get(path).status()).isEqualTo(403);
        assertThat(org.admin().get(path).json().get("redirectUris")).hasSize(1);
        assertThat(auditCount(org, "compat.sign_in.redirects_changed")).isEqualTo(1);
    }

    @Test
    void aPersonsSignInsAreExportedAndErased() throws Exception {
        String code = code(personSession, app.appKey(), CALLBACK, null);
        var oauth = new com.aliyun.dingtalkoauth2_1_0.Client(teaConfig());
        String userToken = oauth.getUserToken(new GetUserTokenRequest().setClientId(app.appKey())
                .setClientSecret(app.secret()).setCode(code(personSession, app.appKey(), CALLBACK, null))
                .setGrantType("authorization_code")).getBody().getAccessToken();
        PersonalDataContributor compat = contributors.stream().filter(c -> c.section().equals("compat"))
                .findFirst().orElseThrow();
        long tenantId = tenantId(org);
        Map<String, Object> export = ActorScope.callAs(Actor.system(tenantId, "test"),
                () -> compat.export(tenantId, person));
        assertThat(export.get("appSignIns").toString()).contains("kind=CODE", "kind=ACCESS", "kind=REFRESH",
                "appId=" + app.id()).doesNotContain(code, userToken);
        assertThat(ActorScope.callAs(Actor.system(tenantId, "test"), () -> compat.export(tenantId,
                org.adminUserId())).get("appSignIns").toString()).isEqualTo("[]");

        var erased = ActorScope.callAs(Actor.system(tenantId, "test"), () -> compat.erase(tenantId, person));
        assertThat(erased.erased()).isEqualTo(3);
        assertThat(userInfo(appToken, code).getErrcode()).isEqualTo(40078L);
        assertThatThrownBy(() -> new com.aliyun.dingtalkcontact_1_0.Client(teaConfig()).getUserWithOptions("me",
                headers(userToken), new RuntimeOptions())).isInstanceOf(TeaException.class);
        assertThat(auditCount(org, "compat.personal_data.erased")).isEqualTo(1);
    }

    private long codes() {
        return count("select count(*) from cpt_sign_in_code where tenant_id = ?", tenantId(org));
    }

    private static String authQuery(String clientId, String redirect, String responseType) {
        return "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&response_type=" + responseType
                + "&scope=openid&prompt=consent";
    }

    /** Visits the sign-in page as the person and returns the code it sends them back with. */
    private static String code(Api session, String clientId, String redirect, String state) {
        var answer = session.get("/oauth2/auth?" + authQuery(clientId, redirect, "code")
                + (state == null ? "" : "&state=" + state));
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        URI back = URI.create(answer.header("Location"));
        assertThat(back.getScheme() + "://" + back.getHost() + back.getPath()).isEqualTo(redirect);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : back.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query.get("authCode")).isEqualTo(query.get("code"));
        assertThat(query.get("state")).isEqualTo(state);
        return query.get("code");
    }

    private static GetUserHeaders headers(String token) {
        GetUserHeaders headers = new GetUserHeaders();
        headers.setXAcsDingtalkAccessToken(token);
        return headers;
    }

    private OapiV2UserGetuserinfoResponse userInfo(String token, String code) {
        OapiV2UserGetuserinfoRequest request = new OapiV2UserGetuserinfoRequest();
        request.setCode(code);
        return call("/topapi/v2/user/getuserinfo", request, token);
    }
}
